import { type Cast, type DemoPilot, legVast, lid, pilot, stemIn, voegToe } from './cast.ts'
import { uitvoerenEnVernieuwen } from './pilot-2a-uitvoeren.ts'
import { raadpleeg } from './pilot-kit.ts'
import { ontwerpLeergang } from './verslagen.ts'

// Scenario 2a: the huisacademie leads a leergang Expert Pedagogiek
// en Didactiek for opleiders, a leiderorganisatie: the Amstelscholen Academie endorses the
// gedeelde ambitie and agrees to the design, after consulting each partner on the current text.
// Its werkgroep finished a whole cycle and started a second one, with an mbo as new partner.

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
    { lead: 'academie' },
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
  await raadpleeg(cast, team, marloes, 'gedeelde-ambitie', [
    ['noordWest', 'Herkent zich erin; vraagt om de begeleiding van studenten expliciet te noemen.'],
    ['amstelOost', 'Eens, mits de leergang ook open staat voor werkplekbegeleiders.'],
    ['wetering', 'Eens; de lerarenopleiding levert graag een lector voor de inhoud.'],
  ])
  await stemIn(cast, team, 'gedeelde-ambitie.onderschrijven', [['academie', 'marloes']])
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
  await team.send(
    marloes,
    'ontwerp.vastleggen',
    {
      text: 'Leergang van acht bijeenkomsten voor 15 deelnemers, met twee lesson study-cycli in de eigen school.',
      collaboration:
        'De academie neemt de leiding: communicatie, aanmeldingen, financiën, programma en logistiek. Een werkgroep met een vertegenwoordiger van elke partner houdt zicht op het proces.',
      quality:
        'De werkgroep komt vier keer bijeen; evaluatie op de vier niveaus; de resultaten gaan naar de Amsterdamse partners.',
    },
    { document: ontwerpLeergang() },
  )
  await raadpleeg(cast, team, marloes, 'ontwerp', [
    ['noordWest', 'Kan zich vinden in het programma; de bijeenkomsten liever op dinsdagmiddag.'],
    [
      'amstelOost',
      'Positief; drie schoolopleiders en werkplekbegeleiders willen zich inschrijven.',
    ],
    ['wetering', 'Positief; vraagt een tussenevaluatie na de eerste lesson study-cyclus.'],
  ])
  await stemIn(cast, team, 'ontwerp.akkoord', [['academie', 'marloes']])
  await uitvoerenEnVernieuwen(cast, team)
  return made
}
