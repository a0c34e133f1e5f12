import { type Cast, lid, stemIn, voegToe } from './cast.ts'
import { DEELNEMERS_1B, VERVANGER_1B } from './deelnemers.ts'
import type { Stream } from './demo-kit.ts'
import type { OrgKey, PersonKey } from './directory.ts'
import { boek, evalueer, rondAf, schrijfIn } from './pilot-kit.ts'

// Scenario 1b, team 1, from its design on: the leergemeenschap of 13 leraren is designed, run
// with its participants and budget, and evaluated on two of the four levels so far.

/** Team 1 from vormgeven to evalueren; `stem` says who speaks for each organisation. */
export async function teamEenVoertUit(
  cast: Cast,
  team: Stream,
  stem: readonly (readonly [OrgKey, PersonKey])[],
): Promise<void> {
  const ilse = await lid(cast, 'ilse')
  const joost = await lid(cast, 'joost')
  team.on('2026-01-12')
  await team.send(ilse, 'fase.volgende')
  await team.send(joost, 'ontwerp.vastleggen', {
    text: 'Leergemeenschap van 13 leraren uit de vier scholen: zes bijeenkomsten op wisselende scholen, elk met een lesbezoek, en tussendoor uitwisseling in duo’s.',
    collaboration:
      'Beide coördinatoren plannen samen; elke school wijst een contactpersoon aan; de bijeenkomsten rouleren over de scholen.',
    quality:
      'Een logboek per duo; evaluatie op de vier niveaus, met de kwartiermaker van Leraar in Amsterdam als critical friend.',
  })
  await stemIn(cast, team, 'ontwerp.akkoord', stem)
  team.on('2026-01-19')
  await schrijfIn(cast, team, joost, DEELNEMERS_1B)
  team.on('2026-02-02')
  await team.send(ilse, 'fase.volgende')

  team.on('2026-02-10')
  await team.send(joost, 'activiteit.vastleggen', {
    date: '2026-02-10',
    text: 'Startbijeenkomst op het Amstel Lyceum: leervragen in kaart gebracht en duo’s gevormd.',
  })
  await boek(team, joost, [
    {
      description: 'Externe trainer formatief evalueren: startbijeenkomst en vijf sessies',
      euros: 7200,
    },
  ])
  team.on('2026-03-02')
  await team.send(
    cast.hr.amstelscholen,
    'lid.verwijderen',
    { personId: cast.dir.person.wendy.id },
    {
      reason:
        'Wendy Kok is teamleider geworden op een andere school; Tim Willems neemt haar plaats in.',
    },
  )
  await voegToe(cast, team, ilse, 'tim', 'teamleider', 'grachten')
  await team.send(
    ilse,
    'deelnemer.terugtrekken',
    { personId: cast.dir.person.bas.id },
    { reason: 'Langdurig ziek; een collega van het Amstel Lyceum neemt de plaats over.' },
  )
  await schrijfIn(cast, team, ilse, VERVANGER_1B)
  team.on('2026-03-17')
  await team.send(await lid(cast, 'hanneke'), 'activiteit.vastleggen', {
    date: '2026-03-17',
    text: 'Tweede bijeenkomst op Zuiderpark Havo, met een lesbezoek wiskunde en een nabespreking.',
  })
  await boek(team, joost, [
    { description: 'Vervangingsuren voor de lesbezoeken van de deelnemers', euros: 6500 },
  ])
  team.on('2026-04-21')
  await team.send(await lid(cast, 'tim'), 'activiteit.vastleggen', {
    date: '2026-04-21',
    text: 'Meeloopdag: zes duo’s bezochten elkaars lessen.',
  })
  await boek(team, await lid(cast, 'tim'), [
    { description: 'Reiskosten en catering van de meeloopdag', euros: 900 },
  ])

  team.on('2026-06-22')
  await team.send(ilse, 'fase.volgende')
  // Twelve completed; the participant who joined in March finishes after the summer.
  const afgerond = DEELNEMERS_1B.map(([person]) => person).filter((p) => p !== 'bas')
  await rondAf(cast, team, ilse, afgerond)
  await evalueer(cast, team, 'ilse', {
    level: 'doelstellingen',
    judgement:
      'De pilot sluit aan bij actuele leervragen en is een samenwerking van twee opleidingsscholen met gedeeld eigenaarschap; de koppeling met schoolontwikkeling is er nog niet op elke school.',
    evaluators: ['ilse', 'joost'],
    aims: {
      leervragen: ['behaald', 'Elke deelnemer werkte aan de eigen leervraag.'],
      samenwerking: 'behaald',
      eigenaarschap: 'behaald',
      'heel-amsterdam': ['deels', 'Alleen scholen van de twee opleidingsscholen deden mee.'],
      evaluatie: 'behaald',
      'leiding-en-hr': ['deels', 'Op twee van de vier scholen sloot de teamleider niet aan.'],
    },
  })
  await evalueer(cast, team, 'joost', {
    level: 'samenwerking',
    judgement:
      'De gedeelde ambitie droeg de samenwerking; de facilitering in tijd verschilde per school en schuurde.',
    evaluators: ['joost', 'hanneke', 'tim'],
    scores: {
      gedeeldeAmbities: 4,
      belangen: 3,
      relaties: 4,
      professioneelOrganiseren: 3,
      betekenisgevendProces: 4,
    },
  })
}
