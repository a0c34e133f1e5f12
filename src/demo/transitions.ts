import { createTransition } from '../engine/transitions.service.ts'
import type { TransitionInput } from '../engine/transitions.service.ts'
import { type DemoUser, Stream } from './demo-kit.ts'
import type { Cast, DemoTransition } from './cast.ts'
import type { OrgKey, PersonKey } from './directory.ts'

// Rolovergangen (seed 003, 1.3): each settles toegang, ondersteuning, facilitering and erkenning.
// Together they cover every end state and every domain and loopbaanpad.

/** What a rolovergang opens with, and the day it took effect (default: today). */
type Opening = Omit<TransitionInput, 'personId' | 'organisationId'> & { since?: string }

async function open(
  cast: Cast,
  by: DemoUser,
  person: PersonKey,
  org: OrgKey,
  { since, ...input }: Opening,
): Promise<{ made: DemoTransition; flow: Stream }> {
  const created = await createTransition(
    cast.store,
    by.principal,
    { ...input, personId: cast.dir.person[person].id, organisationId: cast.dir.org[org].id },
    { effectiveDate: since },
  )
  return {
    made: {
      id: created.id,
      instanceId: created.instanceId,
      person: cast.dir.person[person].name,
      organisation: cast.dir.org[org].name,
      newRole: input.newRole,
    },
    flow: new Stream(cast.store, created.instanceId),
  }
}

/**
 * Noor Bakker's three: schoolopleider (afgerond), teamleider (ingetrokken), and curriculum-
 * ontwikkelaar at Zuiderpark Havo, another bestuur's school (lopend, handled by its HR).
 */
async function noor(cast: Cast, teacher: DemoUser): Promise<DemoTransition[]> {
  const hr = cast.hr.amstelscholen
  const a = await open(cast, hr, 'noor', 'amstelLyceum', {
    newRole: 'schoolopleider',
    currentRole: 'leraar Nederlands',
    domain: 'leren-van-collegas',
    careerPath: 'andere-taken-en-rollen',
    since: '2025-05-19',
  })
  const f = a.flow
  await f.on('2025-05-19').send(hr, 'behandeling.starten')
  await f.send(hr, 'toegang.orientatie-starten', {
    note: 'Twee meeloopdagen met de schoolopleider van het Grachtencollege.',
  })
  await f.on('2025-06-10').send(hr, 'toegang.toelaten', {
    method: 'selectie',
    note: 'Gekozen na een open procedure binnen Opleidingsschool Amstel-Oost.',
  })
  await f.send(hr, 'ondersteuning.afspreken', {
    forms: ['begeleiding', 'scholing', 'intervisie'],
    note: 'Basiscursus schoolopleider bij De Wetering, begeleiding door een ervaren schoolopleider en intervisie met de schoolopleiders van de opleidingsschool.',
  })
  await f.send(hr, 'facilitering.afspreken', {
    hoursPerYear: 120,
    compensation: 'Taakuren uit het budget van de opleidingsschool: twee lesuren per week minder.',
    note: 'De lestaak gaat omlaag, zodat de rol niet bovenop het werk komt.',
  })
  await f.send(hr, 'erkenning.afspreken', {
    form: 'formeel',
    note: 'Registratie als schoolopleider bij de beroepsvereniging van lerarenopleiders (VELON).',
  })
  await f.on('2025-08-25').send(hr, 'rol.starten', { startDate: '2025-08-25' })
  await f.on('2026-06-19').send(hr, 'ondersteuning.afronden')
  await f.send(hr, 'erkenning.verlenen', { note: 'VELON-registratie ontvangen in juni 2026.' })
  await f.send(hr, 'overgang.afronden')

  const b = await open(cast, teacher, 'noor', 'amstelLyceum', {
    newRole: 'teamleider',
    currentRole: 'leraar Nederlands',
    domain: 'organiseren-van-onderwijs',
    careerPath: 'groei-naar-leiderschap',
    since: '2025-03-03',
  })
  await b.flow.on('2025-03-03').send(hr, 'behandeling.starten')
  await b.flow.on('2025-04-14').send(
    teacher,
    'overgang.intrekken',
    {},
    {
      reason: 'Ik kies eerst voor het schoolopleiderschap; leidinggeven komt later misschien.',
    },
  )

  // Mobility (seed 004): Noor asks for a role at a school of another bestuur. HR of that school
  // handles it; her own HR can read it, and may not act on it.
  const c = await open(cast, teacher, 'noor', 'zuiderpark', {
    newRole: 'curriculumontwikkelaar',
    currentRole: 'schoolopleider',
    domain: 'ontwikkelen-van-onderwijs',
    careerPath: 'vergroot-bereik',
    since: '2026-09-21',
  })
  const wester = cast.hr.westerpoort
  await c.flow.on('2026-09-21').send(wester, 'behandeling.starten')
  await c.flow.send(wester, 'toegang.orientatie-starten', {
    note: 'Kennismaking met de sectie Nederlands van Zuiderpark Havo: één dag per week aan het nieuwe curriculum van de bovenbouw, naast haar werk op het Amstel Lyceum.',
  })
  return [a.made, b.made, c.made]
}

/** The other teachers: one transition each, in different states. */
async function anderen(cast: Cast): Promise<DemoTransition[]> {
  const amstel = cast.hr.amstelscholen
  const wester = cast.hr.westerpoort

  // Coach: admitted and support agreed; facilitering and erkenning still open.
  const coach = await open(cast, amstel, 'youssef', 'grachten', {
    newRole: 'coach',
    domain: 'leren-van-collegas',
    careerPath: 'beginner-naar-expert',
    since: '2026-09-07',
  })
  await coach.flow.on('2026-09-07').send(amstel, 'behandeling.starten')
  await coach.flow.send(amstel, 'toegang.orientatie-starten', {
    note: 'Kennismaking met de coachpool van de Amstelscholen Academie.',
  })
  await coach.flow.on('2026-10-12').send(amstel, 'toegang.toelaten', {
    method: 'open-inschrijving',
    note: 'Aangemeld voor de coachpool van de academie.',
  })
  await coach.flow.send(amstel, 'ondersteuning.afspreken', {
    forms: ['coaching', 'scholing'],
    note: 'Coachopleiding bij de academie, met supervisie door een gecertificeerde coach.',
  })

  // MR-lid: the role is actief; support not finished, erkenning agreed but not yet given.
  const mr = await open(cast, amstel, 'eva', 'oostpoort', {
    newRole: 'MR-lid',
    currentRole: 'leraar geschiedenis',
    domain: 'organiseren-van-onderwijs',
    careerPath: 'andere-taken-en-rollen',
    since: '2026-05-25',
  })
  await mr.flow.on('2026-05-25').send(amstel, 'behandeling.starten')
  await mr.flow.send(amstel, 'toegang.toelaten', {
    method: 'anders',
    note: 'Gekozen bij de MR-verkiezingen van mei 2026.',
  })
  await mr.flow.send(amstel, 'facilitering.afspreken', {
    hoursPerYear: 60,
    compensation: 'Uren volgens het medezeggenschapsreglement.',
  })
  await mr.flow.send(amstel, 'ondersteuning.afspreken', {
    forms: ['scholing', 'meelopen'],
    note: 'Basiscursus medezeggenschap en meelopen met de voorzitter van de MR.',
  })
  await mr.flow.on('2026-08-24').send(amstel, 'rol.starten', { startDate: '2026-08-24' })
  await mr.flow.send(amstel, 'erkenning.afspreken', {
    form: 'informeel',
    note: 'Waardering in de gesprekscyclus en vermelding in het jaarverslag van de MR.',
  })

  // Teamleider: orientation, then afgewezen with a reason.
  const tl = await open(cast, wester, 'bram', 'ijdoorn', {
    newRole: 'teamleider',
    currentRole: 'leraar wiskunde',
    domain: 'organiseren-van-onderwijs',
    careerPath: 'groei-naar-leiderschap',
    since: '2026-02-02',
  })
  await tl.flow.on('2026-02-02').send(wester, 'behandeling.starten')
  await tl.flow.send(wester, 'toegang.orientatie-starten', {
    note: 'Oriëntatiegesprekken met twee teamleiders en de schoolleider.',
  })
  await tl.flow.on('2026-03-16').send(
    wester,
    'toegang.afwijzen',
    {},
    {
      reason:
        'Er is dit schooljaar geen teamleidersplek vrij op IJdoorn; Bram is uitgenodigd voor het talentprogramma leiderschap van het bestuur.',
    },
  )

  // Onderzoeksdocent: a hybrid career; orientation has started, nothing else is settled.
  const od = await open(cast, wester, 'lotte', 'zuiderpark', {
    newRole: 'onderzoeksdocent',
    currentRole: 'leraar biologie',
    domain: 'ontwikkelen-van-onderwijs',
    careerPath: 'flexibele-loopbaan',
    since: '2026-10-19',
  })
  await od.flow.on('2026-10-19').send(wester, 'behandeling.starten')
  await od.flow.send(wester, 'toegang.orientatie-starten', {
    note: 'Verkenning van een plek als leraar-promovendus aan een universiteit, naast twee dagen lesgeven.',
  })

  // Decaan: requested by hr, not yet taken up.
  const decaan = await open(cast, wester, 'sem', 'sloterplas', {
    newRole: 'decaan',
    currentRole: 'leraar economie',
    domain: 'leren-van-leerlingen',
    careerPath: 'switch-school-of-vak',
  })
  return [coach.made, mr.made, tl.made, od.made, decaan.made]
}

/** Opens and drives every demo rolovergang. `teacher` is Noor Bakker's own token. */
export async function createTransitions(cast: Cast, teacher: DemoUser): Promise<DemoTransition[]> {
  return [...(await noor(cast, teacher)), ...(await anderen(cast))]
}
