import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/demo/load-demo.ts'
import { verifyChains } from '../../src/engine/verify.ts'
import { createApp } from '../../src/http/app.ts'
import { Client } from '../support/app.ts'
import { DATABASES, freshDatabase, type TestDatabase } from '../support/db.ts'

const ROLES = ['admin', 'hr', 'member', 'teacher', 'auditor', 'beleid'] as const
type Role = (typeof ROLES)[number]

/** The tokens as the summary prints them: a line `  <role>  dl_…`. */
function printedTokens(summary: string): Partial<Record<Role, string>> {
  const tokens: Partial<Record<Role, string>> = {}
  for (const match of summary.matchAll(
    /^ {2}(admin|hr|member|teacher|auditor|beleid) +(dl_\S+)$/gm,
  )) {
    tokens[match[1] as Role] = match[2]
  }
  return tokens
}

describe.each(DATABASES)('demo dataset on %s', (kind) => {
  let db: TestDatabase
  let summary: string
  let as: Record<Role, Client>

  beforeAll(async () => {
    db = await freshDatabase(kind)
    summary = await loadDemo(db.store)
    const tokens = printedTokens(summary)
    const app = createApp({ store: db.store, onError: (e) => console.error('unexpected', e) })
    as = Object.fromEntries(ROLES.map((r) => [r, new Client(app, tokens[r])])) as Record<
      Role,
      Client
    >
  })
  afterAll(async () => {
    await db.cleanup()
  })

  it('prints one token for each of the six roles, with what it sees and how to use it', () => {
    expect(Object.keys(printedTokens(summary)).sort()).toEqual([...ROLES].sort())
    expect(summary).toContain('curl -H "Authorization: Bearer dl_')
    expect(summary).toContain('verify: ok')
    expect(summary.match(/ Sees \d+/g)).toHaveLength(6)
    expect(summary).toContain('Sees 7 rapportages')
  })

  it('drives the pilot scenarios to different phases', async () => {
    const pilots = (await as.admin.get('/api/v1/pilots')).body.items as {
      scenario: string
      teams: { instanceId: string }[]
    }[]
    expect(pilots.map((p) => p.scenario).sort()).toEqual(['1a', '1b', '2a', '2b'])
    const teams = async (scenario: string) => {
      const pilot = pilots.find((p) => p.scenario === scenario)
      const views = []
      for (const t of pilot?.teams ?? []) {
        views.push((await as.admin.get(`/api/v1/instances/${t.instanceId}`)).body)
      }
      return views
    }
    const nextBlocked = (view: { blocked: { type: string; reasons: string[] }[] }) =>
      view.blocked.find((b) => b.type === 'fase.volgende')?.reasons.join(' ') ?? ''

    const [eenA] = await teams('1a')
    expect(eenA.state).toBe('vormgeven')
    expect(eenA.context.ontwerp.akkoorden).toHaveLength(eenA.context.organisationIds.length - 1)
    expect(nextBlocked(eenA)).toContain('akkoord')

    const eenB = await teams('1b')
    expect(eenB.map((t) => t.state).sort()).toEqual(['evalueren', 'verkennen'])
    const verkennen = eenB.find((t) => t.state === 'verkennen')
    expect(nextBlocked(verkennen)).toMatch(/ambitie|belang/)
    const evalueren = eenB.find((t) => t.state === 'evalueren')
    expect(evalueren.context.terugstappen).toHaveLength(1)

    const [tweeA] = await teams('2a')
    expect(tweeA.state).toBe('verkennen')
    expect(tweeA.context.cycle).toBe(2)
    expect(tweeA.context.vorigeCycli).toHaveLength(1)

    const [tweeB] = await teams('2b')
    expect(tweeB.status).toBe('gepauzeerd')
    expect(tweeB.context.pauze.reason).toMatch(/werving/i)
    expect(tweeB.possible.sort()).toEqual(['hervatten', 'stoppen'])

    const roles = new Set(
      [eenA, ...eenB, tweeA, tweeB].flatMap((t) => t.context.members.map((m: any) => m.role)),
    )
    expect(roles.size).toBeGreaterThanOrEqual(6)
  })

  it('leaves rolovergangen in every state, across roles, domains and loopbaanpaden', async () => {
    const items = (await as.admin.get('/api/v1/transitions')).body.items as any[]
    const label = (t: any) => (typeof t.state === 'string' ? t.state : 'lopend')
    expect(new Set(items.map(label))).toEqual(
      new Set(['aangevraagd', 'lopend', 'afgerond', 'afgewezen', 'ingetrokken']),
    )
    const lopend = items.filter((t) => label(t) === 'lopend').map((t) => t.state.lopend)
    expect(lopend.some((s) => s.rol === 'actief')).toBe(true)
    expect(lopend.some((s) => s.rol === 'voorbereiding' && s.facilitering === 'open')).toBe(true)
    expect(new Set(items.map((t) => t.domain)).size).toBe(4)
    expect(new Set(items.map((t) => t.careerPath)).size).toBe(6)
    for (const role of [
      'schoolopleider',
      'coach',
      'MR-lid',
      'teamleider',
      'curriculumontwikkelaar',
    ]) {
      expect(items.map((t) => t.newRole)).toContain(role)
    }
  })

  /** The rolovergangen as instances (with machine version and context), and their events. */
  async function rolovergangen() {
    const items = (await as.admin.get('/api/v1/instances?machine=rolovergang&limit=500')).body
      .items as any[]
    const eventsOf = async (id: string) =>
      (await as.admin.get(`/api/v1/instances/${id}/events?limit=500`)).body.items as any[]
    return { items, eventsOf }
  }

  it('runs rolovergangen on version 2 with levels, outcomes and the teacher’s own word', async () => {
    const { items, eventsOf } = await rolovergangen()
    const v2 = items.filter((i) => i.machine.version === 2)
    expect(v2).toHaveLength(10)
    const contexts = v2.map((i) => i.context)
    const levels = (key: 'startniveau' | 'bereiktNiveau') =>
      new Set(contexts.flatMap((c) => (c[key] ? [c[key].level] : [])))
    expect(levels('startniveau')).toEqual(new Set(['in-opleiding', 'startend', 'ervaren']))
    expect(levels('bereiktNiveau')).toEqual(new Set(['startend', 'ervaren']))
    expect(new Set(contexts.flatMap((c) => (c.uitkomst ? [c.uitkomst.outcome] : [])))).toEqual(
      new Set(['andere-taken-en-rollen', 'dezelfde-werkzaamheden', 'hybride']),
    )
    expect(contexts.some((c) => c.ondersteuning?.forms.includes('inductie'))).toBe(true)

    const erkenningen = contexts.flatMap((c) => (c.erkenning ? [c.erkenning.recognitions] : []))
    expect(new Set(erkenningen.flat().map((r: any) => r.form))).toEqual(
      new Set(['formeel', 'informeel', 'salaris']),
    )
    expect(erkenningen.filter((list) => list.length >= 2).length).toBeGreaterThanOrEqual(3)
    for (const r of erkenningen.flat()) {
      if (r.form !== 'informeel') expect(r.what, JSON.stringify(r)).toBeTruthy()
    }

    // Facilitering in workload terms: who pays, who agreed; 0 hours only with its reason.
    const facilitering = contexts.flatMap((c) => (c.facilitering ? [c.facilitering] : []))
    expect(facilitering.length).toBeGreaterThanOrEqual(4)
    for (const f of facilitering) {
      expect([f.budgetSource, f.agreedBy].every(Boolean), JSON.stringify(f)).toBe(true)
    }
    const zero = facilitering.filter((f) => f.hoursPerYear === 0)
    expect(zero).toHaveLength(1)
    expect(zero[0].zeroHoursReason).toMatch(/lestaak/)

    // Orientation before admission, or a recorded reason to skip it.
    const admitted = contexts.filter((c) => c.toegang)
    expect(admitted.filter((c) => c.toegang.skipOrientationReason)).toHaveLength(1)
    for (const c of admitted)
      expect(Boolean(c.orientatie || c.toegang.skipOrientationReason)).toBe(true)

    // A role that ended, apart from withdrawal, and its rolovergang closed with an outcome.
    const ended = v2.filter((i) => i.context.rolEinde)
    expect(
      ended.map((i) => [i.state, i.context.rolEinde.ending, i.context.uitkomst?.outcome]),
    ).toEqual([['afgerond', 'termijn-afgelopen', 'dezelfde-werkzaamheden']])
    expect(v2.some((i) => i.state?.lopend?.rol === 'actief')).toBe(true)

    // The teacher's input and agreement, each sent with the teacher's own token.
    const byTeacher = new Map<string, number>()
    for (const instance of v2) {
      for (const e of await eventsOf(instance.id)) {
        if (e.type !== 'inbreng.vastleggen' && !e.type.endsWith('.instemmen')) continue
        expect([e.actor.role, e.actor.personId], e.type).toEqual([
          'teacher',
          instance.context.personId,
        ])
        byTeacher.set(e.type, (byTeacher.get(e.type) ?? 0) + 1)
      }
    }
    expect(byTeacher.get('inbreng.vastleggen')).toBeGreaterThanOrEqual(7)
    for (const type of [
      'ondersteuning.instemmen',
      'facilitering.instemmen',
      'erkenning.instemmen',
    ]) {
      expect(byTeacher.get(type), type).toBeGreaterThanOrEqual(4)
    }
  })

  it('leaves exactly one rolovergang on version 1, refused by the migration; one moved from it', async () => {
    const { items, eventsOf } = await rolovergangen()
    const v1 = items.filter((i) => i.machine.version === 1)
    expect(v1.map((i) => [i.title, i.state.lopend.rol])).toEqual([['werkplekbegeleider', 'actief']])
    const [old] = v1
    // It keeps version 1's rules: its events are possible, version 2's are refused by name.
    expect(old.possible).toEqual(
      expect.arrayContaining(['ondersteuning.afronden', 'erkenning.verlenen']),
    )
    const v2Only = await as.hr.post(`/api/v1/instances/${old.id}/events`, {
      type: 'niveau.vastleggen',
      payload: { level: 'ervaren' },
    })
    expect(v2Only.status).toBe(422)
    expect(v2Only.body.detail).toContain('versie 2')

    // A dry run now: nothing left to move, and it says why the version 1 one stays.
    const dry = await as.admin.post('/api/v1/machines/rolovergang/migrations', {
      to: 2,
      dryRun: true,
    })
    expect(dry.status).toBe(200)
    expect(dry.body).toMatchObject({ moved: 0, refused: 1, current: 10 })
    expect(dry.body.items[0].instanceId).toBe(old.id)
    expect(dry.body.items[0].reasons.join(' ')).toContain('De rol is onder versie 1 begonnen')

    // The moved one: one definitie.gemigreerd in its history, by the admin, and version 2 after.
    const migrated = []
    for (const instance of items) {
      const events = await eventsOf(instance.id)
      const at = events.findIndex((e) => e.type === 'definitie.gemigreerd')
      if (at >= 0) migrated.push({ instance, events, at })
    }
    expect(migrated).toHaveLength(1)
    const [found] = migrated
    if (!found) throw new Error('no migrated rolovergang')
    const { instance, events, at } = found
    expect([instance.title, instance.machine.version]).toEqual(['rekencoördinator', 2])
    expect(events[at].payload).toMatchObject({ from: 1, to: 2 })
    expect(events[at].actor.role).toBe('admin')
    expect(events.slice(at + 1).map((e: any) => e.type)).toEqual([
      'startniveau.vastleggen',
      'ondersteuning.instemmen',
    ])
    expect(instance.state.lopend.ondersteuning).toBe('ingestemd')
  })

  it('records everything on hash chains that verify, by the demo users’ own tokens', async () => {
    const report = await verifyChains(db.store)
    expect(report.ok).toBe(true)
    expect(report.events).toBeGreaterThan(200)
    const audit = await as.auditor.get('/api/v1/audit/verify')
    expect(audit.status).toBe(200)
    expect(audit.body.ok).toBe(true)

    const instances = (await as.admin.get('/api/v1/instances?limit=500')).body.items as any[]
    const actorRoles = new Set<string>()
    for (const instance of instances) {
      const events = (await as.admin.get(`/api/v1/instances/${instance.id}/events?limit=500`)).body
      for (const e of events.items) actorRoles.add(e.actor.role)
    }
    expect([...actorRoles].sort()).toEqual(['admin', 'hr', 'member', 'teacher'])
  })

  it('has besturen with schools under them, and people who work where they act', async () => {
    const orgs = (await as.admin.get('/api/v1/organisations?limit=500')).body.items as any[]
    const byName = new Map(orgs.map((o) => [o.name, o]))
    const under = (name: string) =>
      orgs.filter((o) => o.parentId === byName.get(name)?.id).map((o) => o.name)
    expect(under('Stichting Amstelscholen').sort()).toEqual([
      'Amstel Lyceum',
      'Amstelscholen Academie',
      'Grachtencollege',
      'Oostpoort Scholengemeenschap',
    ])
    expect(under('Stichting Westerpoort Onderwijs').sort()).toEqual([
      'IJdoorn College',
      'Sloterplas Mavo',
      'Zuiderpark Havo',
    ])

    const people = (await as.admin.get('/api/v1/people?limit=500')).body.items as any[]
    // 24 in teams and rolovergangen, Leraar in Amsterdam, 2a's new partner and 32 participants.
    expect(people).toHaveLength(58)
    for (const p of people) {
      expect(p.affiliations[0].organisationId).toBe(p.organisationId)
      expect(p.affiliations.every((a: any) => a.functionTitle)).toBe(true)
    }
    expect(people.filter((p) => p.affiliations.length === 2)).toHaveLength(4)

    // Every hr token is bound to an hr adviser who works at the bestuur it is for.
    const tokens = (await as.admin.get('/api/v1/tokens')).body.items as any[]
    const hrTokens = tokens.filter((t) => t.role === 'hr')
    expect(hrTokens).toHaveLength(2)
    for (const t of hrTokens) {
      const holder = people.find((p) => p.id === t.personId)
      expect(holder.affiliations).toContainEqual({
        organisationId: t.organisationIds[0],
        functionTitle: 'hr-adviseur',
      })
      expect(orgs.find((o) => o.id === t.organisationIds[0]).kind).toBe('bestuur')
    }
  })

  it('has every act done by a person, for an organisation they may speak for', async () => {
    const orgs = (await as.admin.get('/api/v1/organisations?limit=500')).body.items as any[]
    const parentOf = new Map(orgs.map((o) => [o.id, o.parentId]))
    const people = (await as.admin.get('/api/v1/people?limit=500')).body.items as any[]
    const worksAt = new Map(
      people.map((p) => [p.id, p.affiliations.map((a: any) => a.organisationId)]),
    )
    const tokens = new Map(
      ((await as.admin.get('/api/v1/tokens')).body.items as any[]).map((t) => [t.id, t]),
    )
    /** An hr token covers its organisations and those under them; its person works there. */
    const hrCovers = (actor: any, organisationId: string) => {
      const token = tokens.get(actor.tokenId)
      const scope: string[] = token.organisationIds
      const covered = (id: string) => scope.includes(id) || scope.includes(parentOf.get(id))
      expect(token.personId).toBe(actor.personId)
      expect(worksAt.get(actor.personId).some(covered)).toBe(true)
      return covered(organisationId)
    }
    const NAMENS = [
      'ambitie.vastleggen',
      'belang.vastleggen',
      'gedeelde-ambitie.onderschrijven',
      'ontwerp.akkoord',
    ]
    const spokenBy = new Set<string>()
    const instances = (await as.admin.get('/api/v1/instances?limit=500')).body.items as any[]
    for (const instance of instances) {
      const view = (await as.admin.get(`/api/v1/instances/${instance.id}`)).body
      const events = (await as.admin.get(`/api/v1/instances/${instance.id}/events?limit=500`)).body
        .items as any[]
      const members = new Map<string, string[]>()
      for (const e of events) {
        expect(e.format).toBe(3)
        if (e.actor.role !== 'admin') expect(e.actor.name).toBeTruthy()
        const what = `${instance.machine.id} ${e.type} by ${e.actor.name ?? e.actor.role}`
        // Opening an instance names the person but (as yet) no organisation acted for.
        if (e.type === 'aangemaakt') continue
        // The migration of a definition is the administrator's, for no organisation.
        if (e.type === 'definitie.gemigreerd') {
          expect([e.actor.role, e.actor.organisationId], what).toEqual(['admin', null])
          continue
        }
        if (instance.machine.id === 'rolovergang') {
          expect(['hr', 'teacher'], what).toContain(e.actor.role)
          if (e.actor.role === 'hr') {
            // HR of the organisation where the new role is.
            expect(e.actor.organisationId, what).toBe(view.context.organisationId)
            expect(hrCovers(e.actor, view.context.organisationId), what).toBe(true)
          } else {
            expect(e.actor.personId, what).toBe(view.context.personId)
          }
          continue
        }
        if (e.type === 'lid.toevoegen') {
          expect(worksAt.get(e.payload.personId), what).toContain(e.payload.organisationId)
          members.set(e.payload.personId, [
            ...(members.get(e.payload.personId) ?? []),
            e.payload.organisationId,
          ])
        }
        if (e.type === 'lid.verwijderen') members.delete(e.payload.personId)
        if (!NAMENS.includes(e.type)) continue
        const org = e.payload.organisationId
        expect(e.actor.organisationId, what).toBe(org)
        expect(['member', 'hr'], what).toContain(e.actor.role)
        if (e.actor.role === 'member') {
          expect(members.get(e.actor.personId) ?? [], what).toContain(org)
        } else {
          expect(hrCovers(e.actor, org), what).toBe(true)
        }
        spokenBy.add(e.actor.role)
      }
    }
    expect([...spokenBy].sort()).toEqual(['hr', 'member'])
  })

  it('lets a teacher ask at another bestuur’s school, whose HR handles it', async () => {
    const people = (await as.admin.get('/api/v1/people?limit=500')).body.items as any[]
    const items = (await as.teacher.get('/api/v1/transitions')).body.items as any[]
    const elsewhere = items.filter((t) => {
      const teacher = people.find((p) => p.id === t.personId)
      return !teacher.affiliations.some((a: any) => a.organisationId === t.organisationId)
    })
    expect(elsewhere).toHaveLength(1)
    const [mobility] = elsewhere
    expect(typeof mobility.state).toBe('object')
    // The teacher's own HR reads it, and may not act on it.
    expect((await as.hr.get('/api/v1/transitions')).body.items.map((t: any) => t.id)).toContain(
      mobility.id,
    )
    const seen = await as.hr.get(`/api/v1/instances/${mobility.instanceId}`)
    expect(seen.status).toBe(200)
    expect(seen.body.allowed).toEqual([])
    const refused = await as.hr.post(`/api/v1/instances/${mobility.instanceId}/events`, {
      type: 'toegang.toelaten',
      payload: { method: 'selectie' },
    })
    expect(refused.status).toBe(403)
    const events = (await as.admin.get(`/api/v1/instances/${mobility.instanceId}/events`)).body
      .items as any[]
    const [opened, ...handled] = events
    expect(opened.actor.personId).toBe(mobility.personId)
    // She records her own motives and leervraag; the rest is done by HR of Zuiderpark Havo.
    expect(handled.map((e) => [e.type, e.actor.role, e.actor.organisationName])).toEqual([
      ['inbreng.vastleggen', 'teacher', null],
      ['behandeling.starten', 'hr', 'Zuiderpark Havo'],
      ['toegang.orientatie-starten', 'hr', 'Zuiderpark Havo'],
    ])
  })

  it('gives each printed token what its role allows', async () => {
    const count = async (client: Client, path: string) => {
      const res = await client.get(path)
      expect(res.status).toBe(200)
      return res.body.items as any[]
    }
    expect(await count(as.admin, '/api/v1/instances')).toHaveLength(16)
    expect(await count(as.auditor, '/api/v1/instances')).toHaveLength(16)
    expect(
      (await as.auditor.post(`/api/v1/organisations`, { name: 'x', kind: 'school' })).status,
    ).toBe(403)

    const hr = await count(as.hr, '/api/v1/instances')
    expect(hr).toHaveLength(10)
    expect(await count(as.hr, '/api/v1/transitions')).toHaveLength(6)
    expect(await count(as.hr, '/api/v1/organisations')).toHaveLength(5)

    const member = await count(as.member, '/api/v1/instances')
    expect(member.map((i) => i.machine.id)).toEqual([
      'ontwikkelteam',
      'ontwikkelteam',
      'ontwikkelteam',
    ])
    expect(await count(as.member, '/api/v1/pilots')).toHaveLength(2)
    expect((await as.member.get('/api/v1/transitions')).status).toBe(403)

    const own = await count(as.teacher, '/api/v1/transitions')
    expect(own).toHaveLength(3)
    expect(new Set(own.map((t) => t.personId)).size).toBe(1)
    expect(await count(as.teacher, '/api/v1/instances')).toHaveLength(3)
    expect((await as.teacher.get('/api/v1/pilots')).status).toBe(403)
  })

  it('changes nothing when loaded a second time, and says how to start over', async () => {
    const before = await verifyChains(db.store)
    const again = await loadDemo(db.store)
    expect(again).toContain('already loaded')
    expect(again).toContain('To start over')
    expect((await verifyChains(db.store)).events).toBe(before.events)
  })
})
