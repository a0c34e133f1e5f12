import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import {
  createLeergang,
  leergangWorld,
  naarUitvoeren,
  sender,
  verkennen,
} from './leergang.world.ts'
import type { Leergang } from './leergang.world.ts'

// A pilot carries its organisation form, its lead, a budget and places; its organisations must
// fit the scenario; enrolments and expenses are events on the team's chain, refused in Dutch
// (and changing nothing) past the places or the balance.

describe.each(DATABASES)('pilots with form, lead, budget and places (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: Leergang

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await leergangWorld(admin)
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  const pilotCount = async () => (await admin.get('/api/v1/pilots?limit=100')).body.items.length

  it('refuses organisations that do not fit the scenario, on the field, storing nothing', async () => {
    const { ids } = world
    const before = await pilotCount()
    const onlyMavo = await admin.post('/api/v1/pilots', {
      name: 'Leergang',
      scenario: '2a',
      organisationIds: [ids.lyceum],
    })
    expect(onlyMavo.status).toBe(400)
    expect(onlyMavo.headers.get('content-type')).toContain('application/problem+json')
    const paths = onlyMavo.body.errors.map((e: { path: string }) => e.path)
    expect(paths).toContain('organisationIds')
    expect(paths).toContain('leadOrganisationId')
    expect(onlyMavo.body.detail).toContain('geen opleidingsschool')
    expect(onlyMavo.body.detail).toContain('geen lerarenopleiding')

    const noOpleidingsschool = await admin.post('/api/v1/pilots', {
      name: 'Ontwikkelteam',
      scenario: '1a',
      organisationIds: [ids.lyceum, ids.college],
    })
    expect(noOpleidingsschool.status).toBe(400)
    expect(noOpleidingsschool.body.detail).toContain('Voeg een opleidingsschool toe')

    const schoolLeads = await admin.post('/api/v1/pilots', {
      name: 'Leergang',
      scenario: '2b',
      organisationIds: [ids.academie, ids.lyceum],
      leadOrganisationId: ids.lyceum,
    })
    expect(schoolLeads.status).toBe(400)
    expect(schoolLeads.body.detail).toContain('leidt een huisacademie; Amstel Lyceum is een school')

    const leadOutside = await admin.post('/api/v1/pilots', {
      name: 'Leergang',
      scenario: '2b',
      organisationIds: [ids.lyceum],
      leadOrganisationId: ids.academie,
    })
    expect(leadOutside.status).toBe(400)
    expect(leadOutside.body.detail).toContain('neemt zelf deel')
    expect(await pilotCount()).toBe(before)
  })

  it('answers form, lead, budget and places, on create and on read', async () => {
    const pilot = await createLeergang(world)
    expect(pilot).toMatchObject({
      scenario: '2b',
      organisationForm: 'leiderorganisatie',
      leadOrganisationId: world.ids.academie,
      budget: { plannedCents: 2_500_000, spentCents: 0, balanceCents: 2_500_000 },
      places: { places: 15, enrolled: 0, completed: 0 },
    })
    expect(pilot.teams).toHaveLength(1)
    const read = await admin.get(`/api/v1/pilots/${pilot.id}`)
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ organisationForm: 'leiderorganisatie', budget: pilot.budget })
  })

  it('plans 1b with two teams, twice the budget of scenario 1', async () => {
    const res = await admin.post('/api/v1/organisations', {
      name: 'Opleidingsschool Noord',
      kind: 'opleidingsschool',
    })
    const res2 = await admin.post('/api/v1/organisations', {
      name: 'Opleidingsschool Zuid',
      kind: 'opleidingsschool',
    })
    const pilot = await admin.post('/api/v1/pilots', {
      name: 'Tussen opleidingsscholen',
      scenario: '1b',
      organisationIds: [res.body.id, res2.body.id, world.ids.lyceum, world.ids.college],
    })
    expect(pilot.status).toBe(201)
    expect(pilot.body.organisationForm).toBe('zelfregulerend-netwerk')
    expect(pilot.body.leadOrganisationId).toBeNull()
    expect(pilot.body.teams).toHaveLength(2)
    expect(pilot.body.budget.plannedCents).toBe(2 * 2_300_000)
    expect(pilot.body.places.places).toBe(26)
  })

  it('enrols up to the places and books expenses against the balance', async () => {
    const { ids, lead, lyceum } = world
    const pilot = await createLeergang(world, { places: 2 })
    const teamId = pilot.teams[0].instanceId as string
    const send = sender(teamId)
    await verkennen(world, send)
    const enrol = (personId: string, organisationId: string) =>
      send(lead, 'deelnemer.inschrijven', {
        personId,
        organisationId,
        leervraag: 'Hoe neem ik collega’s mee in onderzoek?',
      })
    // Enrolment (werving) is the lead's in a leiderorganisatie: the lyceum's member may not.
    const byLyceum = await send(lyceum, 'deelnemer.inschrijven', {
      personId: ids.p1,
      organisationId: ids.lyceum,
      leervraag: 'Een vraag',
    })
    expect(byLyceum.status).toBe(403)
    expect(byLyceum.body.detail).toContain('Amstelscholen Academie de leidende organisatie')
    // The person must work where the enrolment says.
    const elsewhere = await enrol(ids.p1, ids.college)
    expect(elsewhere.status).toBe(422)
    expect(elsewhere.body.detail).toContain('niet werkzaam bij Grachtencollege')

    expect((await enrol(ids.p1, ids.lyceum)).status).toBe(200)
    expect((await enrol(ids.p1, ids.lyceum)).body.detail).toContain('al ingeschreven')
    expect((await enrol(ids.p2, ids.college)).status).toBe(200)
    const version = (await admin.get(`/api/v1/instances/${teamId}`)).body.version
    const full = await enrol(ids.p3, ids.lyceum)
    expect(full.status).toBe(422)
    expect(full.body.detail).toContain('Alle 2 plaatsen zijn bezet')
    expect((await admin.get(`/api/v1/instances/${teamId}`)).body.version).toBe(version)
    const fewer = await send(lead, 'plaatsen.vaststellen', { places: 1 })
    expect(fewer.status).toBe(422)
    expect(fewer.body.detail).toContain('niet minder plaatsen')

    // A withdrawal frees a place (with a reason); then the third can enrol.
    expect((await send(lead, 'deelnemer.terugtrekken', { personId: ids.p2 })).status).toBe(400)
    expect(
      (await send(lead, 'deelnemer.terugtrekken', { personId: ids.p2 }, 'Verhuisd')).status,
    ).toBe(200)
    expect((await enrol(ids.p3, ids.lyceum)).status).toBe(200)

    const today = new Date().toISOString().slice(0, 10)
    const book = (amountCents: number, date = today, reason?: string) =>
      send(lead, 'uitgave.boeken', { description: 'Zaalhuur', amountCents, date }, reason)
    expect((await book(45_000)).status).toBe(200)
    // Planned for 2 places: 2 × € 1.000 + € 10.000 = € 12.000; € 450 spent.
    const over = await book(1_200_000)
    expect(over.status).toBe(422)
    expect(over.body.detail).toContain('brengt het saldo op € -450')
    expect(over.body.detail).toContain('geef een reden')
    const future = await book(100, '2999-01-01')
    expect(future.status).toBe(422)
    expect(future.body.detail).toContain('ligt in de toekomst')
    expect(
      (await book(1_200_000, today, 'Extra trainer, door het bestuur goedgekeurd')).status,
    ).toBe(200)

    const read = (await admin.get(`/api/v1/pilots/${pilot.id}`)).body
    expect(read.budget).toEqual({
      plannedCents: 1_200_000,
      spentCents: 1_245_000,
      balanceCents: -45_000,
    })
    expect(read.places).toEqual({ places: 2, enrolled: 2, completed: 0 })
  })

  it('lets the lead decide after consulting every other organisation, recorded', async () => {
    const { ids, lead, lyceum } = world
    const pilot = await createLeergang(world)
    const send = sender(pilot.teams[0].instanceId as string)
    await verkennen(world, send)
    expect((await send(lead, 'fase.volgende')).status).toBe(200)
    expect(
      (await send(lead, 'gedeelde-ambitie.formuleren', { text: 'Een leergang.' })).status,
    ).toBe(200)
    // The lyceum does not endorse for itself: it is consulted.
    const own = await send(lyceum, 'gedeelde-ambitie.onderschrijven', {
      organisationId: ids.lyceum,
    })
    expect(own.status).toBe(403)
    const early = await send(lead, 'gedeelde-ambitie.onderschrijven', {
      organisationId: ids.academie,
    })
    expect(early.status).toBe(422)
    expect(early.body.detail).toContain(
      'leg nog vast wat deze vonden: Amstel Lyceum, Grachtencollege',
    )
    const consult = (organisationId: string) =>
      send(lead, 'raadpleging.vastleggen', {
        organisationId,
        subject: 'gedeelde-ambitie',
        text: 'Kan zich erin vinden.',
      })
    const self = await consult(ids.academie)
    expect(self.status).toBe(422)
    expect(self.body.detail).toContain('raadpleegt de anderen, niet zichzelf')
    expect((await consult(ids.lyceum)).status).toBe(200)
    expect((await consult(ids.college)).status).toBe(200)
    // A new formulation: the consultations were on the old text and lapse.
    expect(
      (await send(lead, 'gedeelde-ambitie.formuleren', { text: 'Een leergang voor leraren.' }))
        .status,
    ).toBe(200)
    const lapsed = await send(lead, 'gedeelde-ambitie.onderschrijven', {
      organisationId: ids.academie,
    })
    expect(lapsed.status).toBe(422)
    expect((await consult(ids.lyceum)).status).toBe(200)
    expect((await consult(ids.college)).status).toBe(200)
    const endorsed = await send(lead, 'gedeelde-ambitie.onderschrijven', {
      organisationId: ids.academie,
    })
    expect(endorsed.status).toBe(200)
    const context = endorsed.body.instance.context
    expect(context.raadplegingen.filter((r: { current: boolean }) => r.current)).toHaveLength(2)
    expect((await send(lead, 'fase.volgende')).status).toBe(200)
  })

  it('dates activities within the phase, evaluates with who evaluated, reopens by beheer', async () => {
    const { ids, lead } = world
    const pilot = await createLeergang(world)
    const teamId = pilot.teams[0].instanceId as string
    const send = sender(teamId)
    await verkennen(world, send)
    await naarUitvoeren(world, send)
    const today = new Date().toISOString().slice(0, 10)
    const future = await send(lead, 'activiteit.vastleggen', { date: '2030-03-01', text: 'Later' })
    expect(future.status).toBe(422)
    expect(future.body.detail).toContain('(2030-03-01) ligt in de toekomst')
    const before = await send(lead, 'activiteit.vastleggen', { date: '2020-03-01', text: 'Eerder' })
    expect(before.status).toBe(422)
    expect(before.body.detail).toContain('vóór het begin van de fase uitvoeren')
    expect(
      (await send(lead, 'activiteit.vastleggen', { date: today, text: 'Eerste bijeenkomst.' }))
        .status,
    ).toBe(200)
    expect((await send(lead, 'fase.volgende')).status).toBe(200)

    const evaluation = {
      level: 'samenwerking',
      judgement: 'De samenwerking tussen academie en scholen liep goed.',
      evaluatorIds: [ids.lead],
      leraarInAmsterdamPersonId: ids.lia,
    }
    const noScores = await send(lead, 'evaluatie.vastleggen', evaluation)
    expect(noScores.status).toBe(400)
    expect(JSON.stringify(noScores.body.errors)).toContain('alle vijf cruciale elementen')
    const scores = {
      gedeeldeAmbities: 4,
      belangen: 3,
      relaties: 4,
      professioneelOrganiseren: 3,
      betekenisgevendProces: 5,
    }
    const oneWord = await send(lead, 'evaluatie.vastleggen', {
      ...evaluation,
      scores,
      judgement: 'Goed.',
    })
    expect(oneWord.status).toBe(400)
    expect(JSON.stringify(oneWord.body.errors)).toContain('ten minste 5 woorden')
    const outsider = await send(lead, 'evaluatie.vastleggen', {
      ...evaluation,
      scores,
      evaluatorIds: [ids.p1],
    })
    expect(outsider.status).toBe(422)
    expect(outsider.body.detail).toContain('lid van het team')
    const aimsMissing = await send(lead, 'evaluatie.vastleggen', {
      ...evaluation,
      level: 'doelstellingen',
      aims: [{ aim: 'leervragen', outcome: 'behaald' }],
    })
    expect(aimsMissing.status).toBe(400)
    expect(JSON.stringify(aimsMissing.body.errors)).toContain('elk doel van de denktank')
    const done = await send(lead, 'evaluatie.vastleggen', { ...evaluation, scores })
    expect(done.status).toBe(200)
    expect(done.body.instance.context.evaluaties[0]).toMatchObject({
      evaluatorIds: [ids.lead],
      leraarInAmsterdamPersonId: ids.lia,
      scores,
    })

    // Stopped by mistake: only beheer reopens it, with a reason, in the phase it stopped in.
    expect((await send(lead, 'stoppen', {}, 'Per ongeluk')).status).toBe(200)
    expect((await send(lead, 'heropenen', {}, 'Vergissing')).status).toBe(403)
    expect((await send(admin, 'heropenen')).status).toBe(400)
    const reopened = await send(admin, 'heropenen', {}, 'Per vergissing gestopt')
    expect(reopened.status).toBe(200)
    expect(reopened.body.instance.state).toBe('evalueren')
    expect(reopened.body.instance.status).toBe('actief')
  })
})
