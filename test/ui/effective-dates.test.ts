import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { getMachine, machines } from '../../machines/index.ts'
import { commit } from '../../src/engine/commit.ts'
import { createInstance } from '../../src/engine/create-instance.ts'
import { createTransition } from '../../src/engine/transitions.service.ts'
import { createApp } from '../../src/http/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { ADMIN } from '../audit/support.ts'
import { uiWorld } from './support/fixtures.ts'
import type { UiWorld } from './support/fixtures.ts'
import { Browser } from './support/session.ts'
import { readyToStartRole } from './effective-dates.paths.ts'

// "Sinds", "aangevraagd op", "gepauzeerd sinds" and "stilgevallen" count from the ingangsdatum
// (effectiveDate) of an event where one is recorded, and say so when it differs from the day the
// event was recorded. Without ingangsdata the pages read as before.

const on = (instant: string) => vi.setSystemTime(new Date(instant))

/** The page's text without markup (a block ends a word, inline markup does not). */
const plain = (html: string) =>
  html
    .replace(/<\/?(?:dl|dt|dd|p|div|li|h\d|td|th|tr|section)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim()

/** The plain text of the table row of the transition to `role` in the list. */
const rowOf = (html: string, role: string) => {
  const row = html.split('<tr>').find((r) => r.includes(`<td>${role}</td>`))
  if (!row) throw new Error(`no row for ${role}`)
  return plain(row)
}

describe.each(DATABASES)('dates as people mean them (%s)', (kind) => {
  let db: TestDatabase
  let world: UiWorld
  let admin: Client
  /** Per version of the rolovergang: role started (ingangsdatum) 1 September, recorded 1 December. */
  const backdatedRole: Record<number, string> = {}
  const roleOf = (version: number) => {
    const id = backdatedRole[version]
    if (!id) throw new Error(`no transition of version ${version}`)
    return id
  }
  /** Last event recorded 10 October, in effect since 21 August. */
  let quietSince: string
  /** No ingangsdatum anywhere; last event recorded 1 October 08:00 UTC. */
  let plainDates: string
  /** Asked for on 1 July (ingangsdatum), recorded 20 August. */
  let askedEarlier: string

  const post = async (id: string, body: Record<string, unknown>) => {
    const res = await admin.post(`/api/v1/instances/${id}/events`, body)
    if (res.status !== 200) throw new Error(`${String(body.type)}: ${JSON.stringify(res.body)}`)
  }
  const open = async (newRole: string) => {
    const res = await admin.post('/api/v1/transitions', {
      personId: world.teacherA,
      organisationId: world.orgA,
      newRole,
      domain: 'leren-van-collegas',
      careerPath: 'andere-taken-en-rollen',
    })
    if (res.status !== 201) throw new Error(JSON.stringify(res.body))
    return res.body.instanceId as string
  }
  /** A logged-in HR browser whose clock for "stilgevallen" reads `now`. */
  const hrAt = async (now: string) => {
    const browser = new Browser(createApp({ store: db.store, now: () => new Date(now) }))
    await browser.login(world.hrToken)
    return browser
  }

  beforeAll(async () => {
    db = await freshDatabase(kind)
    vi.useFakeTimers({ toFake: ['Date'] })
    on('2026-08-20T08:00:00.000Z')
    world = await uiWorld(db.store)
    admin = world.admin
    // The newest version through the API; version 1 as an instance created before version 2 was.
    backdatedRole[machines.rolovergang.version] = world.transitionInstanceId
    const v1 = getMachine('rolovergang', 1)
    if (!v1) throw new Error('rolovergang version 1 is not registered')
    const created = await commit(db.store, ADMIN, (w) =>
      createInstance(w, v1, {
        title: 'decaan',
        pilotId: null,
        personId: world.teacherA,
        organisationIds: [world.orgA],
        input: {
          personId: world.teacherA,
          organisationId: world.orgA,
          newRole: 'decaan',
          currentRole: null,
          domain: 'organiseren-van-onderwijs',
          careerPath: 'andere-taken-en-rollen',
        },
      }),
    )
    backdatedRole[1] = created.instance.id
    quietSince = await open('coach')
    plainDates = await open('mr-lid')
    askedEarlier = (
      await createTransition(
        db.store,
        ADMIN,
        {
          personId: world.teacherA,
          organisationId: world.orgA,
          newRole: 'teamleider',
          domain: 'organiseren-van-onderwijs',
          careerPath: 'groei-naar-leiderschap',
        },
        { effectiveDate: '2026-07-01' },
      )
    ).instanceId
    const as = { hr: admin, teacher: admin.as(world.teacherToken) }
    for (const [version, id] of Object.entries(backdatedRole))
      await readyToStartRole(Number(version), id, as)
    on('2026-10-01T08:00:00.000Z')
    await post(plainDates, { type: 'behandeling.starten' })
    on('2026-10-10T08:00:00.000Z')
    await post(quietSince, { type: 'behandeling.starten', effectiveDate: '2026-08-21' })
    on('2026-10-20T08:00:00.000Z')
    await post(world.teamId, {
      type: 'pauzeren',
      reason: 'De trekker van het team is met verlof.',
      effectiveDate: '2026-10-05',
    })
    on('2026-12-01T10:00:00.000Z')
    for (const id of Object.values(backdatedRole)) {
      await post(id, {
        type: 'rol.starten',
        payload: { startDate: '2026-09-01' },
        effectiveDate: '2026-09-01',
      })
    }
    on('2026-12-02T09:00:00.000Z')
  })
  afterAll(async () => {
    vi.useRealTimers()
    await db?.cleanup()
  })

  it.each([
    ['decaan', 1],
    ['schoolopleider', 2],
  ])(
    'shows a role (%s, version %i) started in September, recorded in December, with both dates',
    async (role, version) => {
      const browser = await hrAt('2026-12-02T09:00:00.000Z')
      const list = await browser.get('/transitions')
      expect(list.status).toBe(200)
      const row = rowOf(list.text, role)
      // The column "Laatste stap": the ingangsdatum, with the day it was recorded beside it.
      expect(row).toContain('1 september 2026 (ingangsdatum; vastgelegd op 1 december 2026)')
      expect(row).not.toMatch(/ 1 december 2026 (?!\))/)
      const page = plain((await browser.get(`/transitions/${roleOf(version)}`)).text)
      expect(page).toContain('met ingang van 1 september 2026')
      // Asked for on the day it was recorded: one date, nothing to explain.
      expect(page).toContain('Aangevraagd op 20 augustus 2026')
      expect(page).not.toContain('Aangevraagd op 20 augustus 2026 (')
    },
  )

  it('counts stilgevallen from the last event’s ingangsdatum', async () => {
    // Recorded yesterday, but in effect since 21 August: 51 days without an event.
    const list = await (await hrAt('2026-10-11T09:00:00.000Z')).get('/transitions')
    const row = rowOf(list.text, 'coach')
    expect(row).toContain('21 augustus 2026 (ingangsdatum; vastgelegd op 10 oktober 2026)')
    expect(row).toContain('stilgevallen')
    // By the recorded date alone it would not be.
    expect(rowOf(list.text, 'mr-lid')).not.toContain('stilgevallen')
  })

  it('changes nothing without ingangsdata: the recorded date, 30 days to the hour', async () => {
    const list = await (await hrAt('2026-10-11T09:00:00.000Z')).get('/transitions')
    const row = rowOf(list.text, 'mr-lid')
    expect(row).toContain('1 oktober 2026')
    expect(row).not.toContain('ingangsdatum')
    expect(row).not.toContain('stilgevallen')
    const before = await (await hrAt('2026-10-31T07:59:00.000Z')).get('/transitions')
    expect(rowOf(before.text, 'mr-lid')).not.toContain('stilgevallen')
    const after = await (await hrAt('2026-10-31T08:00:00.000Z')).get('/transitions')
    expect(rowOf(after.text, 'mr-lid')).toContain('stilgevallen')
    const page = plain(
      (await (await hrAt('2026-10-11T09:00:00.000Z')).get(`/transitions/${plainDates}`)).text,
    )
    expect(page).toContain('Aangevraagd op 20 augustus 2026')
    expect(page).not.toContain('Aangevraagd op 20 augustus 2026 (')
    expect(page).not.toContain('ingangsdatum')
  })

  it('says "aangevraagd op" from the ingangsdatum of the request', async () => {
    const page = plain(
      (await (await hrAt('2026-12-02T09:00:00.000Z')).get(`/transitions/${askedEarlier}`)).text,
    )
    expect(page).toContain(
      'Aangevraagd op 1 juli 2026 (ingangsdatum; vastgelegd op 20 augustus 2026)',
    )
  })

  it('says since when a team is paused by the ingangsdatum of the pause', async () => {
    const browser = new Browser(createApp({ store: db.store }))
    await browser.login(world.adminToken)
    const page = plain((await browser.get(`/teams/${world.teamId}`)).text)
    expect(page).toContain(
      'Gepauzeerd sinds 5 oktober 2026 (ingangsdatum; vastgelegd op 20 oktober 2026). Reden: De trekker van het team is met verlof.',
    )
  })

  it('gives the API the same moments, for one instance and for a list', async () => {
    const one = await admin.get(`/api/v1/instances/${roleOf(1)}`)
    expect(one.body.moments).toEqual({
      begun: {
        day: '2026-08-20',
        recordedAt: '2026-08-20T08:00:00.000Z',
        effectiveDate: null,
        differs: false,
        backdated: false,
      },
      last: {
        day: '2026-09-01',
        recordedAt: '2026-12-01T10:00:00.000Z',
        effectiveDate: '2026-09-01',
        differs: true,
        backdated: true,
      },
    })
    const list = await admin.get('/api/v1/instances?machine=rolovergang&limit=500')
    const byId = new Map(
      (list.body.items as { id: string; moments: unknown }[]).map((i) => [i.id, i.moments]),
    )
    expect(byId.get(roleOf(1))).toEqual(one.body.moments)
    expect(byId.get(askedEarlier)).toMatchObject({ begun: { day: '2026-07-01', backdated: true } })
  })
})
