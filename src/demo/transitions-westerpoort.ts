import type { Cast, DemoTransition } from './cast.ts'
import { leraar } from './cast.ts'
import { open, stemInMetAlles } from './transition-kit.ts'

/**
 * Four rolovergangen at schools of Stichting Westerpoort Onderwijs, on version 2: a teamleider
 * afgewezen after the orientation, an onderzoeksdocent with 0 hours of facilitering (and the
 * reason) whose role is actief, a decaan requested with a start level that is not a beginner's,
 * and a begeleider Lesson Study closed with a hybrid outcome.
 */
export async function westerpoort(cast: Cast): Promise<DemoTransition[]> {
  return [
    await teamleider(cast),
    await onderzoeksdocent(cast),
    await decaan(cast),
    await lessonStudy(cast),
  ]
}

/** Teamleider: the teacher's motives, an orientation, then afgewezen with a reason. */
async function teamleider(cast: Cast): Promise<DemoTransition> {
  const hr = cast.hr.westerpoort
  const tl = await open(cast, hr, 'bram', 'ijdoorn', {
    newRole: 'teamleider',
    currentRole: 'leraar wiskunde',
    domain: 'organiseren-van-onderwijs',
    careerPath: 'groei-naar-leiderschap',
    since: '2026-02-02',
  })
  await tl.flow.on('2026-02-02').send(hr, 'behandeling.starten')
  await tl.flow.send(await leraar(cast, 'bram'), 'inbreng.vastleggen', {
    motieven: 'Ik wil de sectie exact verder helpen, ook buiten mijn eigen klassen.',
  })
  await tl.flow.send(hr, 'toegang.orientatie-starten', {
    note: 'Oriëntatiegesprekken met twee teamleiders en de schoolleider.',
  })
  await tl.flow.on('2026-03-16').send(
    hr,
    'toegang.afwijzen',
    {},
    {
      reason:
        'Er is dit schooljaar geen teamleidersplek vrij op IJdoorn; Bram is uitgenodigd voor het talentprogramma leiderschap van het bestuur.',
    },
  )
  return tl.made
}

/**
 * Onderzoeksdocent, a hybrid career: the research is paid by a grant, so no hours come off the
 * teaching load, and the reason is on record. Every afspraak agreed; the role is actief.
 */
async function onderzoeksdocent(cast: Cast): Promise<DemoTransition> {
  const hr = cast.hr.westerpoort
  const lotte = await leraar(cast, 'lotte')
  const od = await open(cast, hr, 'lotte', 'zuiderpark', {
    newRole: 'onderzoeksdocent',
    currentRole: 'leraar biologie',
    domain: 'ontwikkelen-van-onderwijs',
    careerPath: 'flexibele-loopbaan',
    since: '2026-03-09',
  })
  const f = od.flow
  await f.on('2026-03-09').send(hr, 'behandeling.starten')
  await f.send(lotte, 'inbreng.vastleggen', {
    motieven: 'Ik wil onderzoeken waarom leerlingen afhaken bij biologie in de bovenbouw.',
    leervraag: 'Hoe doe ik onderzoek in mijn eigen school, zonder mijn lessen tekort te doen?',
  })
  await f.send(hr, 'toegang.orientatie-starten', {
    note: 'Verkenning van een plek als leraar-promovendus aan een universiteit, naast drie dagen lesgeven.',
  })
  await f.on('2026-05-11').send(hr, 'toegang.toelaten', {
    method: 'selectie',
    note: 'Toegelaten tot een promotieplaats voor leraren.',
  })
  await f.send(hr, 'ondersteuning.afspreken', {
    forms: ['begeleiding', 'intervisie'],
    note: 'Begeleiding door haar promotor en intervisie met andere leraar-promovendi.',
  })
  await f.send(hr, 'facilitering.afspreken', {
    hoursPerYear: 0,
    budgetSource: 'subsidie',
    agreedBy: 'De schoolleiding van Zuiderpark Havo',
    zeroHoursReason:
      'Het onderzoek valt in de twee dagen die de promotiebeurs betaalt; de lestaak van drie dagen blijft gelijk en er komt niets bij.',
  })
  await f.send(hr, 'erkenning.afspreken', {
    recognitions: [
      { form: 'formeel', what: 'anders', description: 'De doctorstitel na de promotie' },
      { form: 'salaris', what: 'salarisschaal', description: 'Schaal LD na de promotie' },
    ],
    note: 'Na de promotie volgt schaal LD.',
  })
  f.on('2026-05-18')
  await stemInMetAlles(f, lotte)
  await f.on('2026-09-01').send(hr, 'rol.starten', { startDate: '2026-09-01' })
  return od.made
}

/**
 * Decaan: requested by HR, not yet taken up. The role is in the domain every teacher already
 * works in, so Sem does not start as a beginner.
 */
async function decaan(cast: Cast): Promise<DemoTransition> {
  const hr = cast.hr.westerpoort
  const d = await open(cast, hr, 'sem', 'sloterplas', {
    newRole: 'decaan',
    currentRole: 'leraar economie',
    domain: 'leren-van-leerlingen',
    careerPath: 'switch-school-of-vak',
  })
  await d.flow.send(hr, 'startniveau.vastleggen', {
    level: 'ervaren',
    note: 'Decaan valt in het domein leren van leerlingen, waarin Sem al jaren ervaren is.',
  })
  await d.flow.send(await leraar(cast, 'sem'), 'inbreng.vastleggen', {
    leervraag: 'Hoe help ik leerlingen kiezen als ze hun eigen talenten nog niet zien?',
  })
  return d.made
}

/** Begeleider Lesson Study: the whole way, closed with a hybrid outcome; the role goes on. */
async function lessonStudy(cast: Cast): Promise<DemoTransition> {
  const hr = cast.hr.westerpoort
  const daan = await leraar(cast, 'daan')
  const ls = await open(cast, hr, 'daan', 'ijdoorn', {
    newRole: 'begeleider Lesson Study',
    currentRole: 'leraar',
    domain: 'ontwikkelen-van-onderwijs',
    careerPath: 'vergroot-bereik',
    since: '2025-09-01',
  })
  const f = ls.flow
  await f.on('2025-09-01').send(hr, 'behandeling.starten')
  await f.send(daan, 'inbreng.vastleggen', {
    motieven: 'Lesson Study heeft mijn eigen lessen veranderd; dat wil ik collega’s ook gunnen.',
  })
  await f.send(hr, 'toegang.orientatie-starten', {
    note: 'Daan doet eerst als deelnemer mee aan een cyclus Lesson Study van De Wetering.',
  })
  await f.on('2025-10-06').send(hr, 'toegang.toelaten', {
    method: 'benoeming',
    note: 'Benoemd door de schoolleiding als begeleider van de Lesson Study-teams.',
  })
  await f.send(hr, 'ondersteuning.afspreken', {
    forms: ['inductie', 'scholing'],
    note: 'Inwerken met de begeleider van De Wetering en de cursus begeleider Lesson Study.',
  })
  await f.send(hr, 'facilitering.afspreken', {
    hoursPerYear: 80,
    budgetSource: 'bestuur',
    agreedBy: 'Het bestuur en de schoolleiding van IJdoorn',
  })
  await f.send(hr, 'erkenning.afspreken', {
    recognitions: [
      {
        form: 'formeel',
        what: 'certificaat',
        description: 'Certificaat begeleider Lesson Study',
      },
      { form: 'salaris', what: 'salarisschaal', description: 'Van schaal LB naar LC' },
    ],
    note: 'Met het certificaat volgt schaal LC.',
  })
  f.on('2025-10-13')
  await stemInMetAlles(f, daan, 'Akkoord.')
  await f.on('2025-11-03').send(hr, 'rol.starten', { startDate: '2025-11-03' })
  await f.on('2026-06-29').send(hr, 'niveau.vastleggen', { level: 'ervaren' })
  await f.send(hr, 'ondersteuning.afronden')
  await f.send(hr, 'erkenning.verlenen', {
    note: 'Certificaat behaald in juni 2026; schaal LC vanaf 1 augustus 2026.',
  })
  await f.send(hr, 'overgang.afronden', {
    outcome: 'hybride',
    note: 'Daan begeleidt nu ook Lesson Study-teams bij Lerarenopleiding De Wetering, naast zijn lessen op IJdoorn.',
  })
  return ls.made
}
