import { createDb } from '../../db/create-db.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { SYSTEM_ACTOR } from '../../src/engine/actor.ts'
import { issueToken } from '../../src/engine/tokens.service.ts'
import { createApp } from '../../src/http/app.ts'
import { blockedEvent, flowCycle, flowStart } from './flow.ts'
import type { FlowIds } from './flow.ts'

export const BENCH_SECRET = 'dl_bench-admin-secret-0123456789abcdef'
/**
 * HR of the two team organisations: it walks the teams through the flow, since acts done for an
 * organisation (ambitions, akkoord, …) are an HR adviser's or a member's, never admin's.
 */
export const BENCH_HR_SECRET = 'dl_bench-hr-secret-0123456789abcdef00'

export interface Seeded extends FlowIds {
  /** An organisation outside every team: its ambitions are refused with 422. */
  orgC: string
  /** Fresh ontwikkelteam instances, in verkennen with nothing recorded. */
  instances: string[]
}

type Call = (method: string, path: string, body?: unknown, secret?: string) => Promise<any>

/** Seeds a migrated database through the real app: organisations, a person, `teams` teams. */
export async function seed(url: string, teams: number): Promise<Seeded> {
  const store = createDb(url)
  try {
    await migrateToLatest(store.db)
    await issueToken(store, SYSTEM_ACTOR, { name: 'bench', role: 'admin' }, BENCH_SECRET)
    const app = createApp({ store })
    const call: Call = async (method, path, body, secret = BENCH_SECRET) => {
      const res = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const json: any = await res.json()
      if (res.status >= 300)
        throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
      return json
    }
    const org = async (name: string, kind = 'school') =>
      (await call('POST', '/api/v1/organisations', { name, kind })).id as string
    const orgA = await org('Esprit Scholen')
    const orgB = await org('Hogeschool van Amsterdam', 'opleidingsschool')
    const orgC = await org('Stichting Elders')
    const personId = (
      await call('POST', '/api/v1/people', { name: 'Anna de Vries', organisationId: orgA })
    ).id as string
    const hrId = (
      await call('POST', '/api/v1/people', { name: 'Bram Jansen', organisationId: orgA })
    ).id as string
    await issueToken(
      store,
      SYSTEM_ACTOR,
      { name: 'bench-hr', role: 'hr', organisationIds: [orgA, orgB], personId: hrId },
      BENCH_HR_SECRET,
    )
    const ids = { orgA, orgB, personId }
    const instances: string[] = []
    for (let i = 0; i <= teams; i++) {
      const pilot = await call('POST', '/api/v1/pilots', {
        name: `Pilot ${i}`,
        scenario: '1a',
        organisationIds: [orgA, orgB],
      })
      instances.push(pilot.teams[0].instanceId as string)
    }
    // The script must pass on a real team for two cycles, or the benchmark measures 422s.
    const probe = instances.pop() as string
    for (const event of [...flowStart(ids), ...flowCycle(ids), ...flowCycle(ids)]) {
      await call('POST', `/api/v1/instances/${probe}/events`, event, BENCH_HR_SECRET)
    }
    const refused = await app.request(`/api/v1/instances/${probe}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_HR_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify(blockedEvent(orgC)),
    })
    if (refused.status !== 422) throw new Error(`blocked event answered ${refused.status}`)
    return { ...ids, orgC, instances }
  } finally {
    await store.destroy()
  }
}
