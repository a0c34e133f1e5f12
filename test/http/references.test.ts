import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { documentWorld, driveTo, newTeam, sent } from './documents.helpers.ts'
import type { DocumentWorld } from './documents.helpers.ts'
import { expectProblem, fingerprint } from './http.helpers.ts'

// What a payload names that only the database knows, checked by the engine on the write path:
// the Leraar in Amsterdam of an evaluation is a person who exists and is not erased; the partners
// a renewal adds exist under the names given. And a renewal that adds or removes partners moves
// the team's organisations, so that scope and mandate follow: HR of a new partner reads the team
// and acts for its organisation, HR of one that left no longer sees it.

describe.each(DATABASES)('references checked on the write path (%s)', (kind) => {
  let db: TestDatabase
  let world: DocumentWorld

  beforeAll(async () => {
    db = await freshDatabase(kind)
    const { admin } = await testApp(db.store)
    world = await documentWorld(admin)
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  const evaluation = (leraarInAmsterdamPersonId: string) => ({
    type: 'evaluatie.vastleggen',
    payload: {
      level: 'opbrengst',
      judgement: 'Het niveau opbrengst is met de deelnemers besproken en beoordeeld.',
      evaluatorIds: [world.ids.repO],
      leraarInAmsterdamPersonId,
    },
  })

  it('refuses an evaluation whose Leraar in Amsterdam is no person (422), then one who was erased', async () => {
    const team = await newTeam(world)
    await driveTo(world, team, 'evalueren')
    const before = await fingerprint(db.store)
    const unknown = await world.member.post(
      `/api/v1/instances/${team}/events`,
      evaluation('pers_bestaat_niet'),
    )
    expectProblem(unknown, 422)
    expect(unknown.body.blocked.type).toBe('evaluatie.vastleggen')
    expect(unknown.body.detail).toContain('Persoon ‘pers_bestaat_niet’ bestaat niet of is gewist')
    expect(await fingerprint(db.store)).toBe(before)

    const gone = (
      await world.admin.post('/api/v1/people', {
        name: 'Gerda Gewist',
        organisationId: world.ids.college,
      })
    ).body.id as string
    expect((await world.admin.delete(`/api/v1/people/${gone}`)).status).toBe(204)
    const erased = await world.member.post(`/api/v1/instances/${team}/events`, evaluation(gone))
    expectProblem(erased, 422)
    expect(erased.body.detail).toContain(`Persoon ‘${gone}’ bestaat niet of is gewist`)

    const ok = await world.member.post(
      `/api/v1/instances/${team}/events`,
      evaluation(world.ids.lia),
    )
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
  }, 60_000)

  /** A team in dissemineren that has shared with every partner: ready to renew. */
  async function readyToRenew(): Promise<string> {
    const team = await newTeam(world)
    await driveTo(world, team, 'dissemineren')
    for (const partner of ['gemeente', 'scholen', 'lerarenopleidingen']) {
      await sent(world.driver, team, {
        type: 'resultaat.delen',
        payload: { partner, text: `Gedeeld met ${partner}.` },
      })
    }
    return team
  }

  it('refuses a renewal with a partner that does not exist, or under another name (422)', async () => {
    const team = await readyToRenew()
    const before = await fingerprint(db.store)
    const renew = (addOrganisations: { id: string; name: string }[]) =>
      world.driver.post(`/api/v1/instances/${team}/events`, {
        type: 'cyclus.vernieuwen',
        payload: { addOrganisations },
      })
    const unknown = await renew([{ id: 'org_bestaat_niet', name: 'Mbo Amstelstad' }])
    expectProblem(unknown, 422)
    expect(unknown.body.detail).toContain(
      'Organisatie ‘Mbo Amstelstad’ (org_bestaat_niet) bestaat niet',
    )
    const misnamed = await renew([{ id: world.ids.nieuw, name: 'Hogeschool Elders' }])
    expectProblem(misnamed, 422)
    expect(misnamed.body.detail).toContain('heet in doorlopend ‘Hogeschool Amstelstad’')
    expect(await fingerprint(db.store)).toBe(before)
  }, 60_000)

  it('lets scope and mandate follow a renewal that adds a partner and removes one', async () => {
    const team = await readyToRenew()
    const hrCollege = await hrOf(world.ids.college, 'Cees College')
    const path = `/api/v1/instances/${team}`
    expect((await world.nieuwHr.get(path)).status).toBe(404)
    expect((await hrCollege.get(path)).status).toBe(200)

    const renewed = await world.driver.post(`${path}/events`, {
      type: 'cyclus.vernieuwen',
      payload: {
        addOrganisations: [{ id: world.ids.nieuw, name: 'Hogeschool Amstelstad' }],
        removeOrganisationIds: [world.ids.college],
      },
    })
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200)
    expect(renewed.body.instance.state).toBe('verkennen')

    // HR of the new partner reads the team, finds it in its list, and speaks for its organisation.
    const read = await world.nieuwHr.get(path)
    expect(read.status).toBe(200)
    expect([...read.body.organisationIds].sort()).toEqual(
      [world.ids.opleidingsschool, world.ids.mavo, world.ids.nieuw].sort(),
    )
    const listed = await world.nieuwHr.get('/api/v1/instances?machine=ontwikkelteam')
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(team)
    const ambitie = await world.nieuwHr.post(`${path}/events`, {
      type: 'ambitie.vastleggen',
      payload: { organisationId: world.ids.nieuw, text: 'Studenten vroeg in de school.' },
    })
    expect(ambitie.status, JSON.stringify(ambitie.body)).toBe(200)
    expect(ambitie.body.instance.version).toBe(renewed.body.instance.version + 1)

    // A person of the new partner can join the team and then read it as a member.
    await sent(world.driver, team, {
      type: 'lid.toevoegen',
      payload: { personId: world.ids.nieuwPerson, role: 'leraar', organisationId: world.ids.nieuw },
    })
    const member = await tokenAs({ role: 'member', personId: world.ids.nieuwPerson })
    expect((await member.get(path)).status).toBe(200)

    // HR of the partner that left sees the team no more, and may not act on it.
    expect((await hrCollege.get(path)).status).toBe(404)
    const left = await hrCollege.post(`${path}/events`, {
      type: 'relatie.vastleggen',
      payload: { text: 'Nog even.' },
    })
    expectProblem(left, 404)

    // The history still verifies, and so does the renewal on replay.
    expect((await world.admin.get(`/api/v1/audit/verify?instanceId=${team}`)).body.ok).toBe(true)
  }, 60_000)

  async function tokenAs(body: Record<string, unknown>): Promise<Client> {
    const res = await world.admin.post('/api/v1/tokens', { name: String(body.role), ...body })
    if (res.status !== 201) throw new Error(JSON.stringify(res.body))
    return world.admin.as(res.body.token as string)
  }

  async function hrOf(organisationId: string, name: string): Promise<Client> {
    const person = (await world.admin.post('/api/v1/people', { name, organisationId })).body
      .id as string
    return tokenAs({ role: 'hr', organisationIds: [organisationId], personId: person })
  }
})
