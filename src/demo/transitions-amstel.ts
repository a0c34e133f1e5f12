import type { Cast, DemoTransition } from './cast.ts'
import { leraar } from './cast.ts'
import { open, stemInMetAlles } from './transition-kit.ts'

/**
 * Two rolovergangen at schools of Stichting Amstelscholen, on version 2: a coach still in
 * preparation (facilitering and erkenning open), and an MR-lid whose term ended (`rol.beeindigen`)
 * and whose rolovergang was closed with what she did next.
 */
export async function amstelscholen(cast: Cast): Promise<DemoTransition[]> {
  const hr = cast.hr.amstelscholen

  // Coach: admitted after an orientation, support agreed and agreed to by the teacher;
  // facilitering and erkenning still open, so the role cannot start yet.
  const youssef = await leraar(cast, 'youssef')
  const coach = await open(cast, hr, 'youssef', 'grachten', {
    newRole: 'coach',
    domain: 'leren-van-collegas',
    careerPath: 'beginner-naar-expert',
    since: '2026-09-07',
  })
  await coach.flow.on('2026-09-07').send(hr, 'behandeling.starten')
  await coach.flow.send(youssef, 'inbreng.vastleggen', {
    leervraag:
      'Hoe help ik een collega zelf een antwoord te vinden, in plaats van het mijne te geven?',
  })
  await coach.flow.send(hr, 'toegang.orientatie-starten', {
    note: 'Kennismaking met de coachpool van de Amstelscholen Academie.',
  })
  await coach.flow.on('2026-10-12').send(hr, 'toegang.toelaten', {
    method: 'open-inschrijving',
    note: 'Aangemeld voor de coachpool van de academie.',
  })
  await coach.flow.send(hr, 'ondersteuning.afspreken', {
    forms: ['inductie', 'coaching', 'scholing'],
    note: 'Coachopleiding bij de academie, met supervisie door een gecertificeerde coach; de eerste drie trajecten samen met een ervaren coach.',
  })
  await coach.flow.on('2026-10-19').send(youssef, 'ondersteuning.instemmen', {
    note: 'Graag de supervisie op dinsdag, dan heb ik geen lessen.',
  })

  // MR-lid: admitted without an orientation (with the reason), the role began and its term ended;
  // closed with the outcome.
  const eva = await leraar(cast, 'eva')
  const mr = await open(cast, hr, 'eva', 'oostpoort', {
    newRole: 'MR-lid',
    currentRole: 'leraar geschiedenis',
    domain: 'organiseren-van-onderwijs',
    careerPath: 'andere-taken-en-rollen',
    since: '2025-05-12',
  })
  const f = mr.flow
  await f.on('2025-05-12').send(hr, 'behandeling.starten')
  await f.send(eva, 'inbreng.vastleggen', {
    motieven:
      'Ik wil meepraten over hoe de school met werkdruk omgaat, niet er alleen over klagen.',
  })
  await f.send(hr, 'toegang.toelaten', {
    method: 'anders',
    note: 'Gekozen bij de MR-verkiezingen van mei 2025.',
    skipOrientationReason:
      'De verkiezing is zelf de keuze: Eva woonde het jaar ervoor als toehoorder de vergaderingen van de MR bij.',
  })
  await f.send(hr, 'facilitering.afspreken', {
    hoursPerYear: 60,
    budgetSource: 'school',
    agreedBy: 'De schoolleiding, volgens het medezeggenschapsreglement',
    note: 'De uren gaan van de lestaak af; de MR vergadert op een lesvrije middag.',
  })
  await f.send(hr, 'ondersteuning.afspreken', {
    forms: ['inductie', 'scholing', 'meelopen'],
    note: 'Inwerken door de secretaris van de MR, de basiscursus medezeggenschap en meelopen met de voorzitter.',
  })
  await f.send(hr, 'erkenning.afspreken', {
    recognitions: [
      {
        form: 'formeel',
        what: 'certificaat',
        description: 'Certificaat van de basiscursus medezeggenschap',
      },
      { form: 'informeel', description: 'Waardering in de gesprekscyclus en in het jaarverslag' },
    ],
    note: 'De cursus wordt afgesloten met een certificaat; het MR-werk komt terug in de gesprekscyclus.',
  })
  f.on('2025-06-02')
  await stemInMetAlles(f, eva)
  await f.on('2025-08-25').send(hr, 'rol.starten', { startDate: '2025-08-25' })
  await f.on('2026-01-26').send(hr, 'ondersteuning.afronden')
  await f.send(hr, 'erkenning.verlenen', {
    note: 'Certificaat basiscursus ontvangen in januari 2026.',
  })
  await f.on('2026-06-29').send(hr, 'niveau.vastleggen', {
    level: 'ervaren',
    note: 'Zat het laatste halfjaar de vergaderingen voor als de voorzitter afwezig was.',
  })
  await f.on('2026-07-31').send(hr, 'rol.beeindigen', {
    endDate: '2026-07-31',
    ending: 'termijn-afgelopen',
    note: 'Eva maakte de termijn van een vertrokken MR-lid af en stelde zich niet herkiesbaar.',
  })
  await f.send(hr, 'overgang.afronden', {
    outcome: 'dezelfde-werkzaamheden',
    note: 'Eva geeft weer alleen les; de uren voor de MR gaan terug naar haar lestaak.',
  })
  return [coach.made, mr.made]
}
