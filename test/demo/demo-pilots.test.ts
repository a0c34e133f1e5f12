import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/demo/load-demo.ts'
import { DATABASES, freshDatabase, type TestDatabase } from '../support/db.ts'
import { DemoPilots } from './demo-pilots.helpers.ts'

// What the demo shows of the pilots, read back through the HTTP API: the four scenarios with
// their form and lead, budgets, places and enrolments, the lead's consultations, evaluations with
// who evaluated, and a second cycle with a new partner.

const LEAD_RULED = [
  'deelnemer.inschrijven',
  'deelnemer.terugtrekken',
  'deelnemer.afronden',
  'plaatsen.vaststellen',
  'uitgave.boeken',
  'raadpleging.vastleggen',
  'gedeelde-ambitie.onderschrijven',
  'ontwerp.akkoord',
]

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

describe.each(DATABASES)('demo pilots on %s', (kind) => {
  let db: TestDatabase
  let summary: string
  let demo: DemoPilots
  const org = (name: string) => demo.org(name)
  const person = (id: string) => demo.person(id)
  const scenario = (s: string) => demo.scenario(s)
  const allTeams = () => demo.allTeams()

  beforeAll(async () => {
    db = await freshDatabase(kind)
    summary = await loadDemo(db.store)
    demo = await DemoPilots.read(db, summary)
  })
  afterAll(async () => {
    await db.cleanup()
  })

  it('shows all four scenarios with their form, lead, budget and places', () => {
    const academie = org('Amstelscholen Academie').id
    const shown = demo
      .all()
      .map(({ pilot }) => [
        pilot.scenario,
        pilot.organisationForm,
        pilot.leadOrganisationId,
        pilot.budget.plannedCents,
        pilot.places.places,
        pilot.places.enrolled,
        pilot.places.completed,
        pilot.teams.length,
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    expect(shown).toEqual([
      ['1a', 'zelfregulerend-netwerk', null, 2_300_000, 13, 4, 0, 1],
      ['1b', 'zelfregulerend-netwerk', null, 4_600_000, 26, 1, 12, 2],
      // Cycle 2 of 2a: 18 places since the mbo joined.
      ['2a', 'leiderorganisatie', academie, 2_800_000, 18, 2, 0, 1],
      ['2b', 'leiderorganisatie', academie, 2_500_000, 15, 6, 0, 1],
    ])
    expect(scenario('1a').pilot.budget).toMatchObject({ spentCents: 38_000 })
    expect(scenario('2b').pilot.budget).toMatchObject({ spentCents: 125_000 })
    const teams1b = scenario('1b').pilot.teams.map((t: any) => [t.budget.spentCents, t.places])
    expect(teams1b.sort()).toEqual([
      [0, { places: 13, enrolled: 0, completed: 0 }],
      [1_460_000, { places: 13, enrolled: 1, completed: 12 }],
    ])

    expect(summary).toMatch(/2a {2}.*: leiderorganisatie, led by Amstelscholen Academie/)
    expect(summary).toMatch(/1a {2}.*: zelfregulerend netwerk\n {6}budget € 23\.000, booked € 380/)
    expect(summary).toContain('15 places: 6 enrolled, 0 completed')
  })

  it('keeps budgets and places as data, not in free text', () => {
    for (const team of allTeams()) {
      const c = team.context
      const texts = [c.ontwerp, ...c.vorigeCycli.map((v: any) => v.ontwerp)]
        .filter(Boolean)
        .map((o: any) => `${o.text} ${o.collaboration} ${o.quality}`)
      for (const text of texts) expect(text).not.toMatch(/€|begroting/i)
    }
    const [paused] = scenario('2b').teams
    expect(paused.status).toBe('gepauzeerd')
    expect(paused.context.pauze.reason).not.toMatch(/\d/)
    expect(paused.context.deelnemers.filter((d: any) => d.status === 'ingeschreven')).toHaveLength(
      6,
    )
    expect(paused.context.places).toBe(15)
  })

  it('enrols participants with a leervraag, each at an organisation they work at', () => {
    let withdrawn = 0
    for (const team of allTeams()) {
      const c = team.context
      const seen = new Set<string>()
      for (const d of c.deelnemers) {
        const who = person(d.personId)
        expect(who, d.personId).toBeTruthy()
        expect(who.affiliations.map((a: any) => a.organisationId)).toContain(d.organisationId)
        expect(
          c.organisationIds.concat(...c.vorigeCycli.map((v: any) => v.organisationIds)),
        ).toContain(d.organisationId)
        expect(words(d.leervraag)).toBeGreaterThanOrEqual(5)
        // Nobody holds two places in one cycle; and participants are not team members.
        expect(seen.has(`${d.cycle} ${d.personId}`)).toBe(false)
        seen.add(`${d.cycle} ${d.personId}`)
        expect(c.members.map((m: any) => m.personId)).not.toContain(d.personId)
        if (d.status === 'teruggetrokken') {
          withdrawn += 1
          expect(d.reason).toBeTruthy()
        }
      }
    }
    expect(withdrawn).toBe(2)
  })

  it('books expenses on the budget, past the balance only with a reason', () => {
    const [werkgroep] = scenario('2a').teams
    const cycle1 = werkgroep.context.uitgaven.filter((u: any) => u.cycle === 1)
    const planned = werkgroep.context.vorigeCycli[0].places * 100_000 + 1_000_000
    let balance = planned
    for (const u of cycle1) {
      balance -= u.amountCents
      expect(Boolean(u.overspendReason), u.description).toBe(balance < 0)
    }
    expect(balance).toBe(-70_000)
    const booked = allTeams().flatMap((t) => t.context.uitgaven)
    expect(booked.length).toBeGreaterThanOrEqual(9)
    expect(booked.filter((u: any) => u.overspendReason)).toHaveLength(1)
  })

  it('lets the lead decide in a leiderorganisatie, after consulting every other organisation', async () => {
    const lead = org('Amstelscholen Academie').id
    for (const s of ['2a', '2b']) {
      const [team] = scenario(s).teams
      const c = team.context
      // 2a has renewed: its decisions are those of cycle 1.
      const cycle1 = c.vorigeCycli[0] ?? {
        organisationIds: c.organisationIds,
        gedeeldeAmbitie: c.gedeeldeAmbitie,
        ontwerp: c.ontwerp,
      }
      const others = cycle1.organisationIds.filter((o: string) => o !== lead).sort()
      expect(cycle1.gedeeldeAmbitie.onderschrevenDoor, s).toEqual([lead])
      const consulted = (subject: string) =>
        c.raadplegingen
          .filter((r: any) => r.cycle === 1 && r.subject === subject && r.current)
          .map((r: any) => r.organisationId)
          .sort()
      expect(consulted('gedeelde-ambitie'), s).toEqual(others)
      if (s === '2a') {
        expect(cycle1.ontwerp.akkoorden).toEqual([lead])
        expect(consulted('ontwerp')).toEqual(others)
      }
      const ruled = (await demo.events(team.id)).filter((e) => LEAD_RULED.includes(e.type))
      expect(ruled.length, s).toBeGreaterThan(others.length)
      for (const e of ruled) expect(e.actor.organisationId, `${s} ${e.type}`).toBe(lead)
    }
    // A zelfregulerend netwerk consults nobody: every organisation agrees for itself.
    const [eenA] = scenario('1a').teams
    expect(eenA.context.raadplegingen).toEqual([])
    expect(eenA.context.ontwerp.akkoorden.length).toBeGreaterThan(1)
  })

  it('evaluates with team members and Leraar in Amsterdam, scores and the denktank aims', () => {
    const gemeente = org('Gemeente Amstelstad').id
    const evaluaties = allTeams().flatMap((t) =>
      t.context.evaluaties.map((e: any) => ({ e, members: t.context.members })),
    )
    expect(evaluaties.length).toBe(6)
    for (const { e, members } of evaluaties) {
      expect(words(e.judgement)).toBeGreaterThanOrEqual(5)
      expect(e.evaluatorIds.length).toBeGreaterThan(0)
      for (const id of e.evaluatorIds) expect(members.map((m: any) => m.personId)).toContain(id)
      expect(person(e.leraarInAmsterdamPersonId).affiliations).toEqual([
        { organisationId: gemeente, functionTitle: 'kwartiermaker Leraar in Amsterdam' },
      ])
      if (e.level === 'samenwerking') expect(Object.keys(e.scores)).toHaveLength(5)
      else expect(e.scores).toBeNull()
      if (e.level === 'doelstellingen') {
        expect(new Set(e.aims.map((a: any) => a.aim)).size).toBe(6)
        expect(e.aims).toHaveLength(6)
      } else expect(e.aims).toBeNull()
    }
    const [werkgroep] = scenario('2a').teams
    const levels = werkgroep.context.evaluaties.map((e: any) => e.level).sort()
    expect(levels).toEqual(['doelstellingen', 'opbrengst', 'organisatievorm', 'samenwerking'])
  })

  it('renews 2a into a second cycle with a new partner, which records its ambitie and belang', async () => {
    const roc = org('ROC Amstelstad')
    expect([roc.kind, roc.parentId]).toEqual(['school', null])
    const [werkgroep] = scenario('2a').teams
    const c = werkgroep.context
    expect([werkgroep.state, c.cycle]).toEqual(['verkennen', 2])
    expect(c.vorigeCycli).toHaveLength(1)
    expect(c.vorigeCycli[0]).toMatchObject({
      added: [roc.id],
      removed: [],
      startPhase: 'verkennen',
    })
    expect(c.vorigeCycli[0].organisationIds).not.toContain(roc.id)
    expect(c.organisationIds).toContain(roc.id)
    expect(scenario('2a').pilot.teams[0].cycle).toBe(2)

    const inCycle2 = (records: any[]) => records.filter((r) => r.cycle === 2)
    expect(inCycle2(c.ambities).map((a: any) => a.organisationId)).toContain(roc.id)
    expect(inCycle2(c.belangen).map((b: any) => b.organisationId)).toContain(roc.id)
    const rocMember = c.members.find((m: any) => m.organisationId === roc.id)
    expect(person(rocMember.personId).organisationId).toBe(roc.id)
    const spoken = (await demo.events(werkgroep.id)).filter(
      (e) => e.type.endsWith('.vastleggen') && e.payload.organisationId === roc.id,
    )
    expect(spoken.map((e) => [e.type, e.actor.personId, e.actor.organisationId])).toEqual([
      ['ambitie.vastleggen', rocMember.personId, roc.id],
      ['belang.vastleggen', rocMember.personId, roc.id],
    ])
    // Its first participant, and the others still to explore again.
    expect(inCycle2(c.deelnemers).map((d: any) => d.organisationId)).toContain(roc.id)
    const next = werkgroep.blocked.find((b: any) => b.type === 'fase.volgende')
    expect(next.reasons.join(' ')).toContain('Opleidingsschool Noord-West')
    expect(next.reasons.join(' ')).not.toContain('ROC Amstelstad')
    expect(summary).toContain('then renewed at verkennen (ROC Amstelstad joined)')
  })

  it('attaches the design and the evaluation report as PDFs, for readers of the team only', async () => {
    const [werkgroep] = scenario('2a').teams
    const c = werkgroep.context
    const ontwerp = c.vorigeCycli[0].ontwerp.document
    const verslag = c.evaluaties.find((e: any) => e.level === 'opbrengst').document
    const attached = allTeams().flatMap((t) => [
      ...t.context.evaluaties.filter((e: any) => e.document),
      ...t.context.vorigeCycli.filter((v: any) => v.ontwerp?.document),
    ])
    expect(attached).toHaveLength(2)
    for (const [ref, title] of [
      [ontwerp, 'Ontwerp leergang'],
      [verslag, 'Evaluatieverslag leergang'],
    ]) {
      expect(ref.mediaType).toBe('application/pdf')
      const path = `/api/v1/instances/${werkgroep.id}/documents/${ref.sha256}`
      const res = await demo.admin.app.request(path, {
        headers: { authorization: `Bearer ${demo.admin.token ?? ''}` },
      })
      expect(res.status).toBe(200)
      const bytes = Buffer.from(await res.arrayBuffer())
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(ref.sha256)
      expect(bytes.length).toBe(ref.size)
      const text = bytes.toString('latin1')
      expect(text.startsWith('%PDF-1.4')).toBe(true)
      expect(text).toContain(title)
      expect(text.trimEnd().endsWith('%%EOF')).toBe(true)
      // A member of other teams does not learn that the document exists.
      expect((await demo.outsider.get(path)).status).toBe(404)
    }
  })
})
