import { type Cast, type DemoPilot, legVast, lid, pilot, stemIn, voegToe } from './cast.ts'
import { DEELNEMERS_2B } from './deelnemers.ts'
import { boek, raadpleeg, schrijfIn } from './pilot-kit.ts'

// Scenario 2b: the huisacademie leads a leergang Leiderschap van
// Leraren, a leiderorganisatie: the Amstelscholen Academie endorses the gedeelde ambitie after
// consulting the others, and runs werving and finances. The werkgroep agreed on the leergang and
// then paused: recruitment fell behind, six enrolments for fifteen places.

/** The reason the 2b werkgroep is paused; the enrolments and places themselves are data. */
export const PAUZE_2B =
  'De werving loopt achter: pas zes van de vijftien plaatsen zijn gevuld. De werkgroep hervat na de herfstvakantie, als de besturen hun deelnemers hebben voorgedragen.'

/** 2b: in overeenkomen with six of fifteen places taken, gepauzeerd with a reason. */
export async function scenario2b(cast: Cast): Promise<DemoPilot> {
  const hr = cast.hr.amstelscholen
  const { pilot: made, teams } = await pilot(
    cast,
    hr,
    'Leergang Leiderschap van Leraren',
    '2b',
    ['academie', 'amstelscholen', 'amstelLyceum', 'grachten', 'oostpoort'],
    '2026-04-13',
    { lead: 'academie' },
  )
  const [team] = teams
  if (!team) throw new Error('scenario 2b has no team')

  team.on('2026-04-13')
  await voegToe(cast, team, hr, 'marloes', 'coordinator', 'academie')
  const marloes = await lid(cast, 'marloes')
  await voegToe(cast, team, marloes, 'anouk', 'bestuurder', 'amstelscholen')
  await voegToe(cast, team, marloes, 'lisa', 'hr-professional', 'amstelscholen')
  await voegToe(cast, team, marloes, 'rutger', 'leraar', 'amstelLyceum')
  await voegToe(cast, team, marloes, 'tim', 'teamleider', 'grachten')
  await voegToe(cast, team, hr, 'eva', 'leraar', 'oostpoort')

  team.on('2026-05-11')
  await legVast(cast, team, 'ambitie', [
    [
      'academie',
      'marloes',
      'Leraren ondersteunen om in hun school het initiatief te nemen bij onderwijsontwikkeling en hun collega’s daarbij te betrekken.',
    ],
    [
      'amstelscholen',
      'anouk',
      'Leiderschap op alle niveaus: persoonlijke ontwikkeling en schoolontwikkeling komen samen.',
    ],
    ['amstelLyceum', 'rutger', 'Ervaren leraren als trekkers van de vernieuwing van de bovenbouw.'],
    [
      'grachten',
      'tim',
      'Teacher leaders die het gesprek over onderwijskwaliteit in de secties gaande houden.',
    ],
    [
      'oostpoort',
      'eva',
      'Leraren die groeien in het organiseren van onderwijs, bijvoorbeeld in de MR of als sectieleider.',
    ],
  ])
  await legVast(cast, team, 'belang', [
    [
      'academie',
      'marloes',
      'Meer massa door het aanbod open te stellen buiten het eigen bestuur, zonder dat het onbeheersbaar wordt.',
    ],
    [
      'amstelscholen',
      'lisa',
      'Ervaren leraren behouden voor het bestuur, met een loopbaanperspectief binnen het beroep.',
    ],
    [
      'amstelLyceum',
      'rutger',
      'Medewerking van de leidinggevende is een voorwaarde: die moet tijd en ruimte geven.',
    ],
    [
      'grachten',
      'tim',
      'De leergang mag niet leiden tot extra taakbelasting bovenop een volle lestaak.',
    ],
  ])
  // Oostpoort's belang is its schoolleiding's: HR of the bestuur records it for the school (HR of
  // an organisation may speak for it, like a member who represents it).
  await team.send(hr, 'belang.vastleggen', {
    organisationId: cast.dir.org.oostpoort.id,
    text: 'Namens de schoolleiding: zicht op de opbrengst voor de school, niet alleen voor de deelnemer.',
  })

  team.on('2026-06-01')
  await team.send(marloes, 'fase.volgende')
  await team.send(await lid(cast, 'anouk'), 'gedeelde-ambitie.formuleren', {
    text: 'Leraren ontwikkelen, gesteund door hun leidinggevende, hun leiderschap en nemen in hun school een rol op als initiator of trekker van onderwijsvernieuwing.',
  })
  await raadpleeg(cast, team, marloes, 'gedeelde-ambitie', [
    [
      'amstelscholen',
      'Het bestuur steunt de ambitie en vraagt de leidinggevenden er expliciet bij te betrekken.',
    ],
    ['amstelLyceum', 'Eens; de school wil de bovenbouwvernieuwing als eerste vraagstuk inbrengen.'],
    ['grachten', 'Eens, mits deelname binnen de taakbelasting past.'],
    [
      'oostpoort',
      'De schoolleiding herkent zich erin en noemt de MR als plek om leiderschap te oefenen.',
    ],
  ])
  await stemIn(cast, team, 'gedeelde-ambitie.onderschrijven', [['academie', 'marloes']])
  team.on('2026-06-22')
  await team.send(marloes, 'fase.volgende')
  await team.send(marloes, 'oplossing.vastleggen', {
    text: 'De leergang Leiderschap van Leraren, open voor leraren van alle Amsterdamse scholen; elke deelnemer werkt aan een vernieuwingsvraag van de eigen school.',
    expertise: [
      {
        organisationId: cast.dir.org.academie.id,
        description: 'Trainers leiderschap van de academie.',
      },
      { external: true, description: 'Lector leiderschap van leraren, als gastspreker.' },
    ],
  })
  // Werving is the lead's: a campaign in June, enrolments after the summer.
  team.on('2026-06-29')
  await boek(team, marloes, [
    {
      description: 'Wervingscampagne: flyers en een informatiebijeenkomst op drie scholen',
      euros: 1250,
    },
  ])
  team.on('2026-09-21')
  await schrijfIn(cast, team, marloes, DEELNEMERS_2B)
  team.on('2026-10-05')
  await team.send(marloes, 'pauzeren', {}, { reason: PAUZE_2B })
  return made
}
