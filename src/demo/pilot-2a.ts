import { type Cast, type DemoPilot, legVast, lid, pilot, stemIn, voegToe } from './cast.ts'
import type { OrgKey, PersonKey } from './directory.ts'

// Scenario 2a (seed 002, 3.3.2, Tekstbox 2): the huisacademie leads a leergang Expert Pedagogiek
// en Didactiek for opleiders. Its werkgroep finished a whole cycle and started a second one.

const STEM: readonly (readonly [OrgKey, PersonKey])[] = [
  ['academie', 'marloes'],
  ['noordWest', 'fatima'],
  ['amstelOost', 'kees'],
  ['wetering', 'pieter'],
]

/** 2a: cycle 1 completed and renewed; the werkgroep is exploring again in cycle 2. */
export async function scenario2a(cast: Cast): Promise<DemoPilot> {
  const hr = cast.hr.amstelscholen
  const { pilot: made, teams } = await pilot(
    cast,
    hr,
    'Leergang Expert Pedagogiek en Didactiek',
    '2a',
    ['academie', 'noordWest', 'amstelOost', 'wetering'],
    '2025-06-16',
  )
  const [team] = teams
  if (!team) throw new Error('scenario 2a has no team')

  team.on('2025-06-16')
  await voegToe(cast, team, hr, 'marloes', 'coordinator', 'academie')
  const marloes = await lid(cast, 'marloes')
  await voegToe(cast, team, marloes, 'fatima', 'schoolopleider', 'noordWest')
  await voegToe(cast, team, marloes, 'kees', 'schoolopleider', 'amstelOost')
  await voegToe(cast, team, marloes, 'pieter', 'instituutsopleider', 'wetering')
  await voegToe(cast, team, hr, 'lisa', 'hr-professional', 'academie')

  team.on('2025-06-30')
  await legVast(cast, team, 'ambitie', [
    [
      'academie',
      'marloes',
      'Een vraaggestuurd professionaliseringstraject voor opleiders, open voor alle Amsterdamse opleidingsscholen en lerarenopleidingen.',
    ],
    [
      'noordWest',
      'fatima',
      'Op korte termijn de kwaliteit van de opleidingsschool: schoolopleiders verdiepen zich in opleidingsdidactiek.',
    ],
    [
      'amstelOost',
      'kees',
      'Schoolopleiders die complexe pedagogiek en didactiek, zoals differentiatie en zelfregulerend leren, kunnen voordoen en uitleggen.',
    ],
    [
      'wetering',
      'pieter',
      'Op lange termijn de kwaliteit van het onderwijs: instituutsopleiders en schoolopleiders leren samen, als train de trainer.',
    ],
  ])
  await legVast(cast, team, 'belang', [
    [
      'academie',
      'lisa',
      'De academie wil haar relatie met de opleidingsscholen versterken; die verbinding is nu zwak.',
    ],
    [
      'noordWest',
      'fatima',
      'De opgedane expertise moet terugvloeien naar de begeleiding van studenten en starters.',
    ],
    [
      'amstelOost',
      'kees',
      'Drie deelnemers per school, zodat zij elkaar na de leergang op de eigen school blijven ondersteunen.',
    ],
    [
      'wetering',
      'pieter',
      'Ook de professionalisering van lerarenopleiders zelf verdient aandacht.',
    ],
  ])
  await team.send(marloes, 'relatie.vastleggen', {
    text: 'De academie onderhoudt relaties met zelfstandige trainers en met de scholen van het bestuur; de opleidingsscholen brengen hun schoolopleiders in.',
  })

  team.on('2025-09-01')
  await team.send(marloes, 'fase.volgende')
  await team.send(marloes, 'gedeelde-ambitie.formuleren', {
    text: 'Opleiders van opleidingsscholen en lerarenopleiding verdiepen zich samen in complexe pedagogiek en didactiek, zodat de begeleiding van studenten en starters, en op termijn het onderwijs, beter wordt.',
  })
  await stemIn(cast, team, 'gedeelde-ambitie.onderschrijven', STEM)
  team.on('2025-09-22')
  await team.send(marloes, 'fase.volgende')
  await team.send(marloes, 'oplossing.vastleggen', {
    text: 'De leergang Expert Pedagogiek en Didactiek: drie deelnemers per (opleidings)school onderzoeken hun eigen praktijk met lesson study en doelsysteemdidactiek.',
    expertise: [
      {
        organisationId: cast.dir.org.wetering.id,
        description: 'Lector en instituutsopleiders met ervaring in lesson study.',
      },
      { external: true, description: 'Externe trainer doelsysteemdidactiek.' },
      {
        organisationId: cast.dir.org.academie.id,
        description: 'Programmamanagement en logistiek van de academie.',
      },
    ],
  })
  team.on('2025-10-13')
  await team.send(marloes, 'fase.volgende')
  await team.send(marloes, 'ontwerp.vastleggen', {
    text: 'Leergang van acht bijeenkomsten voor 15 deelnemers, met twee lesson study-cycli in de eigen school. Begroting € 25.000: 15 × € 1.000 eigen bijdrage en € 10.000 projectbijdrage.',
    collaboration:
      'De academie neemt de leiding: communicatie, aanmeldingen, financiën, programma en logistiek. Een werkgroep met een vertegenwoordiger van elke partner houdt zicht op het proces.',
    quality:
      'De werkgroep komt vier keer bijeen; evaluatie op de vier niveaus; de resultaten gaan naar de Amsterdamse partners.',
  })
  await stemIn(cast, team, 'ontwerp.akkoord', STEM)
  team.on('2025-11-03')
  await team.send(marloes, 'fase.volgende')

  for (const [date, text] of [
    [
      '2026-01-15',
      'Aftrap van de leergang met 15 deelnemers uit zes scholen en de lerarenopleiding.',
    ],
    ['2026-03-05', 'Eerste lesson study-cyclus afgerond; onderzoekslessen op drie scholen.'],
    ['2026-05-28', 'Slotbijeenkomst: de deelnemers presenteren hun praktijkverbetering.'],
  ] as const) {
    team.on(date)
    await team.send(marloes, 'activiteit.vastleggen', { date, text })
  }

  team.on('2026-06-08')
  await team.send(marloes, 'fase.volgende')
  await team.send(marloes, 'evaluatie.vastleggen', {
    level: 'doelstellingen',
    judgement:
      'De leergang volgt het advies van de denktank om het aanbod open te stellen voor andere scholen: opleiders van alle partners deden mee, alle 15 plaatsen waren bezet.',
  })
  await team.send(await lid(cast, 'pieter'), 'evaluatie.vastleggen', {
    level: 'samenwerking',
    judgement:
      'Een sterk gedeelde ambitie; de belangen van de lerarenopleiding kwamen pas laat aan bod.',
    scores: {
      gedeeldeAmbities: 5,
      belangen: 3,
      relaties: 4,
      professioneelOrganiseren: 4,
      betekenisgevendProces: 5,
    },
  })
  await team.send(await lid(cast, 'lisa'), 'evaluatie.vastleggen', {
    level: 'organisatievorm',
    judgement:
      'De academie als leiderorganisatie werkte efficiënt; de werkgroep gaf de partners genoeg stem. Aandachtspunt blijft de relatie met de opleidingsscholen.',
  })
  await team.send(marloes, 'evaluatie.vastleggen', {
    level: 'opbrengst',
    judgement:
      'Twaalf deelnemers zetten lesson study nu in bij de begeleiding van studenten; twee van hen zijn begonnen als schoolopleider.',
  })
  team.on('2026-06-29')
  await team.send(marloes, 'fase.volgende')
  await team.send(marloes, 'resultaat.delen', {
    partner: 'gemeente',
    text: 'Rapportage en presentatie in het overleg van de taskforce lerarentekort.',
  })
  await team.send(await lid(cast, 'kees'), 'resultaat.delen', {
    partner: 'scholen',
    text: 'Slotbijeenkomst open voor alle schoolleiders, en een handreiking lesson study voor opleidingsscholen.',
  })
  await team.send(await lid(cast, 'pieter'), 'resultaat.delen', {
    partner: 'lerarenopleidingen',
    text: 'Opbrengst besproken in het opleidingsoverleg; de instituutsopleiders nemen de werkvormen over.',
  })
  team.on('2026-07-06')
  await team.send(marloes, 'cyclus.vernieuwen')

  team.on('2026-09-14')
  await legVast(cast, team, 'ambitie', [
    [
      'academie',
      'marloes',
      'Tweede cyclus: de leergang uitbreiden met een vervolgmodule voor de eerste lichting en openstellen voor opleiders in het mbo.',
    ],
  ])
  return made
}
