import type { DemoUser } from './demo-kit.ts'
import type { Cast, DemoTransition } from './cast.ts'
import { open, stemInMetAlles } from './transition-kit.ts'

/**
 * Noor Bakker's three rolovergangen, on version 2: schoolopleider (afgerond, the whole way: her
 * motives and leervraag, orientation, inductie, hours off the teaching load, erkenning in two
 * forms, her agreement, the level she reached, what she did next), teamleider (ingetrokken), and
 * curriculumontwikkelaar at Zuiderpark Havo, another bestuur's school (lopend, handled by its
 * HR). `teacher` is her own token: only she may record her input and agree.
 */
export async function noor(cast: Cast, teacher: DemoUser): Promise<DemoTransition[]> {
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
  await f.send(teacher, 'inbreng.vastleggen', {
    motieven:
      'Ik begeleid al jaren stagiairs in mijn lessen en wil dat beter en breder doen: studenten en startende collega’s helpen groeien.',
    leervraag: 'Hoe begeleid ik een student die vastloopt in de klas, zonder het over te nemen?',
  })
  await f.send(hr, 'startniveau.vastleggen', {
    level: 'in-opleiding',
    note: 'Als schoolopleider begint Noor opnieuw: eerst de basiscursus, daarna startend.',
  })
  await f.send(hr, 'toegang.orientatie-starten', {
    note: 'Twee meeloopdagen met de schoolopleider van het Grachtencollege.',
  })
  await f.on('2025-06-10').send(hr, 'toegang.toelaten', {
    method: 'selectie',
    note: 'Gekozen na een open procedure binnen Opleidingsschool Amstel-Oost.',
  })
  await f.send(hr, 'ondersteuning.afspreken', {
    forms: ['inductie', 'begeleiding', 'scholing', 'intervisie'],
    note: 'Een inwerkperiode met een ervaren schoolopleider, de basiscursus schoolopleider bij De Wetering en intervisie met de schoolopleiders van de opleidingsschool.',
  })
  await f.send(hr, 'facilitering.afspreken', {
    hoursPerYear: 120,
    budgetSource: 'opleidingsschool',
    agreedBy: 'De schoolleiding van het Amstel Lyceum',
    note: 'Twee lesuren per week minder, zodat de rol niet bovenop het werk komt.',
  })
  await f.send(hr, 'erkenning.afspreken', {
    recognitions: [
      {
        form: 'formeel',
        what: 'registerinschrijving',
        description: 'Registratie als schoolopleider bij de VELON',
      },
      { form: 'informeel', description: 'Genoemd als schoolopleider in de schoolgids' },
    ],
    note: 'Na de basiscursus vraagt Noor de VELON-registratie aan; de school noemt haar als aanspreekpunt voor stagiairs.',
  })
  f.on('2025-06-16')
  await stemInMetAlles(f, teacher, 'Zo afgesproken in ons gesprek van 16 juni.')
  await f.on('2025-08-25').send(hr, 'rol.starten', { startDate: '2025-08-25' })
  await f.on('2026-06-19').send(hr, 'niveau.vastleggen', {
    level: 'startend',
    note: 'Basiscursus afgerond; begeleidt zelfstandig drie studenten.',
  })
  await f.send(hr, 'ondersteuning.afronden')
  await f.send(hr, 'erkenning.verlenen', { note: 'VELON-registratie ontvangen in juni 2026.' })
  await f.send(hr, 'overgang.afronden', {
    outcome: 'andere-taken-en-rollen',
    note: 'Noor blijft leraar Nederlands en is nu ook schoolopleider van het Amstel Lyceum.',
  })

  const b = await open(cast, teacher, 'noor', 'amstelLyceum', {
    newRole: 'teamleider',
    currentRole: 'leraar Nederlands',
    domain: 'organiseren-van-onderwijs',
    careerPath: 'groei-naar-leiderschap',
    since: '2025-03-03',
  })
  await b.flow.on('2025-03-03').send(hr, 'behandeling.starten')
  await b.flow
    .on('2025-04-14')
    .send(
      teacher,
      'overgang.intrekken',
      {},
      { reason: 'Ik kies eerst voor het schoolopleiderschap; leidinggeven komt later misschien.' },
    )

  // Mobility: Noor asks for a role at a school of another bestuur. HR of that school handles it;
  // her own HR can read it, and may not act on it. She says herself why and what she wants to learn.
  const c = await open(cast, teacher, 'noor', 'zuiderpark', {
    newRole: 'curriculumontwikkelaar',
    currentRole: 'schoolopleider',
    domain: 'ontwikkelen-van-onderwijs',
    careerPath: 'vergroot-bereik',
    since: '2026-09-21',
  })
  await c.flow.on('2026-09-21').send(teacher, 'inbreng.vastleggen', {
    motieven:
      'Ik wil meebouwen aan een curriculum dat verder reikt dan mijn eigen school, juist op een school waar leraren schaars zijn.',
    leervraag:
      'Hoe ontwerp ik een leerlijn die ook werkt voor collega’s die haar niet zelf maakten?',
  })
  const wester = cast.hr.westerpoort
  await c.flow.send(wester, 'behandeling.starten')
  await c.flow.send(wester, 'toegang.orientatie-starten', {
    note: 'Kennismaking met de sectie Nederlands van Zuiderpark Havo: één dag per week aan het nieuwe curriculum van de bovenbouw, naast haar werk op het Amstel Lyceum.',
  })
  return [a.made, b.made, c.made]
}
