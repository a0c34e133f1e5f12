import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countEvents } from '../../db/queries/events.ts'
import { rolovergangV2 } from '../../machines/index.ts'
import { authenticate } from '../../src/access/tokens.ts'
import type { Principal } from '../../src/access/principal.ts'
import { postEvent } from '../../src/engine/post-event.ts'
import { createTransition } from '../../src/engine/transitions.service.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { uiWorld } from './support/fixtures.ts'
import type { UiWorld } from './support/fixtures.ts'
import { Browser } from './support/session.ts'

// The admin page "Procesdefinities": every machine version with how many instances run it, a dry
// run that shows per instance what would move and what stays, and the migration itself. The
// world has one rolovergang on version 2 (made through the API); the test adds two on version 1
// through the engine-only option: one still aangevraagd (the migration maps it), one whose role
// began under version 1 (the migration refuses it).

/** The rows of the versions table as text cells: [proces, versie, wat, aantal]. */
function versionRows(page: string): string[][] {
  const table = /<caption>Versies van de processen<\/caption>[\s\S]*?<\/table>/.exec(page)?.[0]
  const rows = [...(table ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1)
  return rows.map((r) =>
    [...(r[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      (cell[1] ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  )
}

/** [proces, versie, aantal] of each row. */
const counts = (page: string) => versionRows(page).map(([p, v, , n]) => [p, v, n])

/** The page as a person reads it: no tags, no attributes. */
const visibleText = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe.each(DATABASES)('the Procesdefinities page (%s)', (kind) => {
  let db: TestDatabase
  let world: UiWorld
  let admin: Principal
  const v1 = { aangevraagd: '', actief: '' }

  /** What a write would change: the number of events and every instance's head. */
  async function state(): Promise<string> {
    const heads = await db.store.db
      .selectFrom('instances')
      .select(['id', 'version', 'machine_version', 'head_hash'])
      .orderBy('id')
      .execute()
    return JSON.stringify({ events: await countEvents(db.store.db), heads })
  }

  async function openOnVersion1(newRole: string): Promise<string> {
    const created = await createTransition(
      db.store,
      admin,
      {
        personId: world.teacherA,
        organisationId: world.orgA,
        newRole,
        domain: 'organiseren-van-onderwijs',
        careerPath: 'andere-taken-en-rollen',
      },
      { machineVersion: 1 },
    )
    return created.instanceId
  }

  beforeAll(async () => {
    db = await freshDatabase(kind)
    world = await uiWorld(db.store)
    admin = (await authenticate(db.store.db, world.adminToken)) as Principal
    v1.aangevraagd = await openOnVersion1('coach')
    v1.actief = await openOnVersion1('MR-lid')
    const send = (type: string, payload: Record<string, unknown> = {}) =>
      postEvent(db.store, admin, v1.actief, { type, payload })
    await send('behandeling.starten')
    await send('toegang.orientatie-starten', { note: 'Een gesprek met de voorzitter.' })
    await send('toegang.toelaten', { method: 'anders', note: 'Gekozen bij de verkiezingen.' })
    await send('ondersteuning.afspreken', { forms: ['scholing'], note: 'Basiscursus MR.' })
    await send('facilitering.afspreken', {
      hoursPerYear: 60,
      compensation: 'Uren volgens reglement.',
    })
    await send('rol.starten', { startDate: '2026-08-24' })
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  async function as(token: string): Promise<Browser> {
    const browser = new Browser(world.admin.app)
    await browser.login(token)
    return browser
  }

  it('lists every machine version in Dutch, the newest marked, with its instance count', async () => {
    const page = await (await as(world.adminToken)).get('/admin/definities')
    expect(page.status).toBe(200)
    expect(counts(page.text)).toEqual([
      ['Ontwikkelteam', 'Versie 1', '0'],
      ['Ontwikkelteam', 'Versie 2 nieuwste', '1'],
      ['Rolovergang', 'Versie 1', '2'],
      ['Rolovergang', 'Versie 2 nieuwste', '1'],
    ])
    expect(versionRows(page.text)[3]?.[2]).toContain('Versie 2 legt niveaus')
    // Both machines have an older version, so both offer a dry run.
    expect(page.text.match(/Bekijk wat er verandert/g)).toHaveLength(2)
    expect(page.text).toContain('2 processen lopen nog op een oudere versie.')
    expect((await (await as(world.adminToken)).get('/admin')).text).toContain(
      'href="/admin/definities"',
    )
  })

  it('shows in a dry run what would move and what stays, by title, and changes nothing', async () => {
    const browser = await as(world.adminToken)
    const before = await state()
    const dry = await browser.get('/admin/definities?proces=rolovergang&naar=2')
    expect(dry.status).toBe(200)
    expect(await state()).toBe(before)

    expect(dry.text).toContain(
      '1 proces gaat over, 1 proces blijft op de eigen versie. 1 proces liep al op versie 2.',
    )
    expect(dry.text).toContain(`<a href="/transitions/${v1.aangevraagd}">coach</a>`)
    expect(dry.text).toContain(`<a href="/transitions/${v1.actief}">MR-lid</a>`)
    expect(dry.text).toContain('Zodra de aanvraag in behandeling is, gelden de regels van versie 2')
    expect(dry.text).toContain('De rol is onder versie 1 begonnen')
    expect(dry.text).toMatch(/<form method="post" action="\/admin\/definities\/migreren"/)
    expect(dry.text).toContain('>Migreer</button>')
    // Dutch for people: no ids and no event keys as text.
    const text = visibleText(dry.text)
    expect(text).not.toMatch(/\b(inst|trans)_/)
    for (const key of ['definitie.gemigreerd', ...Object.keys(rolovergangV2.events)]) {
      expect(text).not.toContain(key)
    }
  })

  it('refuses a version or process that is not offered, in Dutch, and changes nothing', async () => {
    const browser = await as(world.adminToken)
    const before = await state()
    for (const query of ['proces=rolovergang&naar=7', 'proces=ontwikkelteam&naar=3', 'naar=2']) {
      const res = await browser.get(`/admin/definities?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.text).toContain('Dit proces of deze versie staat niet in de lijst.')
    }
    await browser.get('/admin/definities')
    const posted = await browser.post('/admin/definities/migreren', {
      proces: 'rolovergang',
      naar: '1',
    })
    expect(posted.status).toBe(400)
    expect(await state()).toBe(before)
  })

  it('refuses every other role, and a form without the session’s CSRF token', async () => {
    const before = await state()
    const body = { proces: 'rolovergang', naar: '2' }
    for (const token of [
      world.hrToken,
      world.memberToken,
      world.teacherToken,
      world.auditorToken,
    ]) {
      const browser = await as(token)
      expect((await browser.get('/admin/definities')).status).toBe(403)
      expect((await browser.get('/admin/definities?proces=rolovergang&naar=2')).status).toBe(403)
      expect((await browser.post('/admin/definities/migreren', body)).status).toBe(403)
    }
    const browser = await as(world.adminToken)
    await browser.get('/admin/definities')
    expect((await browser.post('/admin/definities/migreren', body, { csrf: null })).status).toBe(
      403,
    )
    expect(await state()).toBe(before)
  })

  it('migrates: one definitie.gemigreerd per moved instance, the refused one stays on version 1', async () => {
    const browser = await as(world.adminToken)
    const events = await countEvents(db.store.db)
    await browser.get('/admin/definities?proces=rolovergang&naar=2')
    const done = await browser.post('/admin/definities/migreren', {
      proces: 'rolovergang',
      naar: '2',
    })
    expect(done.status).toBe(200)
    expect(done.text).toContain(
      'Gelukt: 1 proces overgezet naar versie 2; 1 proces bleef op de eigen versie.',
    )
    expect(counts(done.text)).toEqual([
      ['Ontwikkelteam', 'Versie 1', '0'],
      ['Ontwikkelteam', 'Versie 2 nieuwste', '1'],
      ['Rolovergang', 'Versie 1', '1'],
      ['Rolovergang', 'Versie 2 nieuwste', '2'],
    ])
    expect(await countEvents(db.store.db)).toBe(events + 1)

    const history = async (id: string) =>
      (await world.admin.get(`/api/v1/instances/${id}/events`)).body.items as any[]
    const moved = await history(v1.aangevraagd)
    expect(moved.filter((e) => e.type === 'definitie.gemigreerd')).toHaveLength(1)
    expect(moved.at(-1)).toMatchObject({
      type: 'definitie.gemigreerd',
      payload: { from: 1, to: 2 },
    })
    expect((await history(v1.actief)).map((e) => e.type)).not.toContain('definitie.gemigreerd')
    const version = async (id: string) =>
      (await world.admin.get(`/api/v1/instances/${id}`)).body.machine.version
    expect([await version(v1.aangevraagd), await version(v1.actief)]).toEqual([2, 1])

    // Again: nothing left to move, nothing written.
    const again = await browser.post('/admin/definities/migreren', {
      proces: 'rolovergang',
      naar: '2',
    })
    expect(again.status).toBe(200)
    expect(await countEvents(db.store.db)).toBe(events + 1)
  })
})
