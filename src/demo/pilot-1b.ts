import type { Stream } from './demo-kit.ts'
import { type Cast, type DemoPilot, legVast, lid, pilot, stemIn, voegToe } from './cast.ts'
import type { OrgKey, PersonKey } from './directory.ts'
import { teamEenVoertUit } from './pilot-1b-uitvoeren.ts'

// Scenario 1b: two ontwikkelteams between and within two
// opleidingsscholen, with four schools, a zelfregulerend netwerk. Each team has its own 13 places
// and budget (the pilot twice scenario 1's). Team 1 is evaluating; team 2 is still exploring.

const ORGS = [
  'noordWest',
  'amstelOost',
  'ijdoorn',
  'zuiderpark',
  'amstelLyceum',
  'grachten',
] as const

// Who speaks for each organisation in team 1.
const STEM: readonly (readonly [OrgKey, PersonKey])[] = [
  ['noordWest', 'ilse'],
  ['amstelOost', 'joost'],
  ['ijdoorn', 'daan'],
  ['zuiderpark', 'hanneke'],
  ['amstelLyceum', 'kees'],
  ['grachten', 'wendy'],
]

/** 1b: two teams; team 1 in evalueren (two of four niveaus done), team 2 blocked in verkennen. */
export async function scenario1b(cast: Cast): Promise<DemoPilot> {
  const { pilot: made, teams } = await pilot(
    cast,
    cast.admin,
    'Doorlopend professionaliseren tussen opleidingsscholen',
    '1b',
    ORGS,
    '2025-09-15',
  )
  const [team1, team2] = teams
  if (!team1 || !team2) throw new Error('scenario 1b has two teams')
  await teamEen(cast, team1)
  await teamTwee(cast, team2)
  return made
}

async function teamEen(cast: Cast, team: Stream): Promise<void> {
  const ilse = await lid(cast, 'ilse')
  const joost = await lid(cast, 'joost')
  team.on('2025-09-15')
  await voegToe(cast, team, cast.admin, 'ilse', 'coordinator', 'noordWest')
  await voegToe(cast, team, ilse, 'joost', 'coordinator', 'amstelOost')
  await voegToe(cast, team, ilse, 'daan', 'leraar', 'ijdoorn')
  await voegToe(cast, team, joost, 'hanneke', 'leraar', 'zuiderpark')
  await voegToe(cast, team, joost, 'kees', 'schoolopleider', 'amstelLyceum')
  await voegToe(cast, team, cast.hr.amstelscholen, 'wendy', 'teamleider', 'grachten')

  team.on('2025-10-01')
  await legVast(cast, team, 'ambitie', [
    [
      'noordWest',
      'ilse',
      'Een expertisenetwerk over de grenzen van onze opleidingsschool heen: onze ervaren leraren leren van die van Amstel-Oost, en andersom.',
    ],
    [
      'amstelOost',
      'joost',
      'Ons professionaliseringsaanbod voor ervaren leraren openstellen voor leraren en leidinggevenden van andere opleidingsscholen.',
    ],
    [
      'ijdoorn',
      'daan',
      'Formatief handelen in alle vakken: leraren geven gerichte feedback en passen hun les aan op wat leerlingen laten zien.',
    ],
    [
      'zuiderpark',
      'hanneke',
      'De sectie wiskunde wil haar aanpak van formatief toetsen delen met andere scholen en verder ontwikkelen.',
    ],
    [
      'amstelLyceum',
      'kees',
      'Ervaren leraren een loopbaanperspectief binnen het beroep bieden, door hen als expert in te zetten voor collega’s van andere scholen.',
    ],
    [
      'grachten',
      'wendy',
      'Een lerende cultuur in de teams, waarin professionaliseren de standaard is en geen optie.',
    ],
  ])
  await legVast(cast, team, 'belang', [
    [
      'noordWest',
      'ilse',
      'Samen optrekken stimuleert (kosten)efficiëntie en voorkomt dat iedere opleidingsschool het wiel opnieuw uitvindt.',
    ],
    [
      'amstelOost',
      'joost',
      'Experts die in hun eigen school eenlingen zijn, treffen vakgenoten van andere scholen.',
    ],
    [
      'ijdoorn',
      'daan',
      'Het traject moet aansluiten bij het schoolplan; anders gaan de teamleiders niet mee.',
    ],
    [
      'zuiderpark',
      'hanneke',
      'Deelnemers worden gefaciliteerd in tijd: een nieuwe rol mag niet bovenop een volle lestaak komen.',
    ],
    [
      'amstelLyceum',
      'kees',
      'Meer ruimte voor mobiliteit tussen scholen, zonder dat goede leraren vertrekken.',
    ],
    [
      'grachten',
      'wendy',
      'Zicht op wat het de leerlingen oplevert: de school wil de opbrengst kunnen laten zien aan de MR.',
    ],
  ])
  await team.send(joost, 'relatie.vastleggen', {
    text: 'De coördinatoren van beide opleidingsscholen werken al samen in het stedelijk overleg; tussen de scholen van de twee opleidingsscholen zijn er nog weinig persoonlijke contacten.',
  })

  team.on('2025-10-27')
  await team.send(ilse, 'fase.volgende')
  await team.send(ilse, 'gedeelde-ambitie.formuleren', {
    text: 'Ervaren leraren van beide opleidingsscholen leren van en met elkaar over formatief handelen.',
  })
  await stemIn(cast, team, 'gedeelde-ambitie.onderschrijven', STEM)
  team.on('2025-11-17')
  await team.send(joost, 'fase.volgende')
  await team.send(await lid(cast, 'hanneke'), 'oplossing.vastleggen', {
    text: 'Uitwisseling: leraren van IJdoorn en Zuiderpark lopen een dag mee in elkaars lessen wiskunde en talen.',
    expertise: [
      {
        organisationId: cast.dir.org.zuiderpark.id,
        description: 'Sectie wiskunde met drie jaar ervaring met formatief toetsen.',
      },
    ],
  })
  team.on('2025-11-24')
  await team.send(
    joost,
    'fase.terug',
    {},
    {
      reason:
        'Bij het overeenkomen bleek de gedeelde ambitie te smal: de scholen willen ook de rol van ervaren leraren als expert voor collega’s erin opnemen.',
    },
  )
  await team.send(joost, 'gedeelde-ambitie.formuleren', {
    text: 'Ervaren leraren van beide opleidingsscholen leren van en met elkaar over formatief handelen, en worden daarna ingezet als expert voor collega’s in het hele netwerk.',
  })
  await stemIn(cast, team, 'gedeelde-ambitie.onderschrijven', STEM)
  team.on('2025-12-08')
  await team.send(joost, 'fase.volgende')
  await team.send(ilse, 'oplossing.vastleggen', {
    text: 'Een leergemeenschap formatief handelen van beide opleidingsscholen, begeleid door een externe expert en twee eigen schoolopleiders.',
    expertise: [
      { external: true, description: 'Externe trainer formatief evalueren (zzp).' },
      {
        organisationId: cast.dir.org.amstelLyceum.id,
        description: 'Schoolopleider met een VELON-registratie.',
      },
    ],
  })
  await teamEenVoertUit(cast, team, STEM)
}

async function teamTwee(cast: Cast, team: Stream): Promise<void> {
  const joost = await lid(cast, 'joost')
  team.on('2026-09-07')
  await voegToe(cast, team, cast.admin, 'joost', 'coordinator', 'amstelOost')
  await voegToe(cast, team, joost, 'ilse', 'coordinator', 'noordWest')
  await voegToe(cast, team, joost, 'mehmet', 'teamleider', 'zuiderpark')
  await voegToe(cast, team, joost, 'rutger', 'leraar', 'amstelLyceum')
  await voegToe(cast, team, joost, 'sanne', 'teamleider', 'ijdoorn')
  team.on('2026-09-28')
  await legVast(cast, team, 'ambitie', [
    [
      'noordWest',
      'ilse',
      'Rollen en routes voor ervaren leraren zichtbaar maken: welke rollen ontbreken nog, zoals curriculumontwikkelaar, begeleider lesson study en coach?',
    ],
    [
      'amstelOost',
      'joost',
      'Een doorlopende leerlijn van student naar expert, ook voor leraren die een tweede domein kiezen.',
    ],
    [
      'ijdoorn',
      'sanne',
      'Leraren met ambitie voor de klas houden door hun ruimte te geven in rollen naast het lesgeven.',
    ],
    [
      'zuiderpark',
      'mehmet',
      'Teamleiders toerusten om loopbaangesprekken te voeren die verder gaan dan de gesprekscyclus.',
    ],
  ])
  await legVast(cast, team, 'belang', [
    [
      'noordWest',
      'ilse',
      'Ervaren leraren kunnen worden ingezet bij de begeleiding van studenten en starters; dat komt de opleidingsschool ten goede.',
    ],
    [
      'amstelOost',
      'joost',
      'Het traject moet te financieren zijn zonder de vergoeding voor de begeleiding van studenten aan te spreken.',
    ],
  ])
  await team.send(await lid(cast, 'mehmet'), 'relatie.vastleggen', {
    text: 'De teamleiders van Zuiderpark en IJdoorn kennen elkaar nog niet; een kennismaking op beide scholen staat gepland.',
  })
  // Amstel Lyceum and Grachtencollege have not spoken yet: fase.volgende stays blocked.
}
