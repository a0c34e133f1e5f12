import { type Cast, legVast, lid, voegToe } from './cast.ts'
import { DEELNEMERS_2A, DEELNEMERS_2A_CYCLUS_2 } from './deelnemers.ts'
import type { Stream } from './demo-kit.ts'
import { boek, evalueer, rondAf, schrijfIn } from './pilot-kit.ts'
import { evaluatieverslagLeergang } from './verslagen.ts'

// Scenario 2a from uitvoeren on: the leergang runs with its participants and budget, is
// evaluated and shared, and the werkgroep renews with an mbo as new partner, which records its
// ambitie and belang in the second cycle's verkennen.

/** Cycle 1 from uitvoeren to its renewal, then the start of cycle 2. */
export async function uitvoerenEnVernieuwen(cast: Cast, team: Stream): Promise<void> {
  await eersteCyclus(cast, team)
  await tweedeCyclus(cast, team)
}

async function eersteCyclus(cast: Cast, team: Stream): Promise<void> {
  const marloes = await lid(cast, 'marloes')
  // The academie leads werving and finances: its hr-professional enrols, its programme manager books.
  const lisa = await lid(cast, 'lisa')
  team.on('2025-11-03')
  await team.send(marloes, 'fase.volgende')
  team.on('2025-11-17')
  await schrijfIn(cast, team, lisa, DEELNEMERS_2A)

  team.on('2026-01-15')
  await team.send(marloes, 'activiteit.vastleggen', {
    date: team.day,
    text: 'Aftrap van de leergang met tien opleiders van de twee opleidingsscholen en de lerarenopleiding.',
  })
  await boek(team, marloes, [
    { description: 'Zaalhuur en catering voor acht bijeenkomsten', euros: 4800 },
  ])
  team.on('2026-03-05')
  await team.send(marloes, 'activiteit.vastleggen', {
    date: team.day,
    text: 'Eerste lesson study-cyclus afgerond; onderzoekslessen op drie scholen.',
  })
  await boek(team, marloes, [
    { description: 'Externe trainer doelsysteemdidactiek', euros: 9500 },
    { description: 'Inzet van de lector en twee instituutsopleiders van De Wetering', euros: 6000 },
  ])
  await team.send(
    lisa,
    'deelnemer.terugtrekken',
    { personId: cast.dir.person.saskia.id },
    { reason: 'Is per maart teamleider geworden en heeft geen ruimte meer voor de leergang.' },
  )
  team.on('2026-05-28')
  await team.send(marloes, 'activiteit.vastleggen', {
    date: team.day,
    text: 'Slotbijeenkomst: de deelnemers presenteren hun praktijkverbetering.',
  })
  await boek(team, marloes, [
    {
      description: 'Vervangingsuren voor de twee lesson study-cycli',
      euros: 5400,
      reason:
        'De lesson study-cycli vroegen meer vervanging dan begroot; Stichting Amstelscholen draagt het tekort van de academie.',
    },
  ])
  const afgerond = DEELNEMERS_2A.map(([person]) => person).filter((p) => p !== 'saskia')
  await rondAf(cast, team, lisa, afgerond)

  team.on('2026-06-08')
  await team.send(marloes, 'fase.volgende')
  await evaluaties(cast, team)
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
}

async function evaluaties(cast: Cast, team: Stream): Promise<void> {
  await evalueer(cast, team, 'marloes', {
    level: 'doelstellingen',
    judgement:
      'De leergang volgt het advies van de denktank om het aanbod open te stellen voor andere scholen: opleiders van alle partners deden mee, al werden tien van de vijftien plaatsen bezet.',
    evaluators: ['marloes', 'lisa'],
    aims: {
      leervragen: 'behaald',
      samenwerking: ['behaald', 'Twee opleidingsscholen en de academie werkten samen.'],
      eigenaarschap: ['deels', 'De academie droeg het meeste; de partners volgden.'],
      'heel-amsterdam': ['deels', 'Het mbo ontbrak nog; dat komt in de tweede cyclus.'],
      evaluatie: 'behaald',
      'leiding-en-hr': 'deels',
    },
  })
  await evalueer(cast, team, 'pieter', {
    level: 'samenwerking',
    judgement:
      'Een sterk gedeelde ambitie; de belangen van de lerarenopleiding kwamen pas laat aan bod.',
    evaluators: ['pieter', 'fatima', 'kees'],
    scores: {
      gedeeldeAmbities: 5,
      belangen: 3,
      relaties: 4,
      professioneelOrganiseren: 4,
      betekenisgevendProces: 5,
    },
  })
  await evalueer(cast, team, 'lisa', {
    level: 'organisatievorm',
    judgement:
      'De academie als leiderorganisatie werkte efficiënt; de werkgroep gaf de partners genoeg stem. Aandachtspunt blijft de relatie met de opleidingsscholen.',
    evaluators: ['lisa', 'marloes'],
  })
  await evalueer(cast, team, 'marloes', {
    level: 'opbrengst',
    judgement:
      'Negen deelnemers rondden af en zetten lesson study nu in bij de begeleiding van studenten; twee van hen zijn begonnen als schoolopleider.',
    evaluators: ['marloes', 'kees', 'fatima'],
    // The report of the whole evaluation goes with its last level.
    document: evaluatieverslagLeergang(),
  })
}

async function tweedeCyclus(cast: Cast, team: Stream): Promise<void> {
  const marloes = await lid(cast, 'marloes')
  const { roc } = cast.dir.org
  team.on('2026-07-06')
  await team.send(marloes, 'cyclus.vernieuwen', {
    addOrganisations: [{ id: roc.id, name: roc.name }],
    removeOrganisationIds: [],
    startPhase: 'verkennen',
  })

  team.on('2026-09-14')
  await voegToe(cast, team, marloes, 'gerard', 'teamleider', 'roc')
  await legVast(cast, team, 'ambitie', [
    [
      'academie',
      'marloes',
      'Tweede cyclus: de leergang uitbreiden met een vervolgmodule voor de eerste lichting en openstellen voor opleiders in het mbo.',
    ],
    [
      'roc',
      'gerard',
      'Docenten van het ROC die studenten van de lerarenopleiding begeleiden, verdiepen zich samen met het voortgezet onderwijs in pedagogiek en didactiek.',
    ],
  ])
  await legVast(cast, team, 'belang', [
    [
      'roc',
      'gerard',
      'Het ROC wil zijn docenten een opleidingsroute bieden die erkend wordt door de lerarenopleiding, zonder eigen aanbod te hoeven bouwen.',
    ],
  ])
  // Three more places, for the mbo: the budget grows with them.
  await team.send(marloes, 'plaatsen.vaststellen', { places: 18 })
  team.on('2026-09-28')
  await schrijfIn(cast, team, await lid(cast, 'lisa'), DEELNEMERS_2A_CYCLUS_2)
}
