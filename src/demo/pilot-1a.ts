import { type Cast, type DemoPilot, legVast, lid, pilot, stemIn, voegToe } from './cast.ts'
import { DEELNEMERS_1A } from './deelnemers.ts'
import { boek, schrijfIn } from './pilot-kit.ts'

// Scenario 1a: one ontwikkelteam within an opleidingsschool, a zelfregulerend netwerk: every
// organisation endorses and agrees for itself. Its theme is the scenario's typical one:
// handelingsverlegenheid of teachers with the differences between pupils.

/**
 * 1a: one ontwikkelteam, now in vormgeven, waiting for the akkoord of one school; the first
 * participants are enrolled and the first expense is booked on its budget of 13 places.
 */
export async function scenario1a(cast: Cast): Promise<DemoPilot> {
  const { pilot: made, teams } = await pilot(
    cast,
    cast.admin,
    'Omgaan met verschillen in de klas',
    '1a',
    ['noordWest', 'ijdoorn', 'sloterplas', 'wetering'],
    '2025-09-08',
  )
  const [team] = teams
  if (!team) throw new Error('scenario 1a has no team')
  const ilse = await lid(cast, 'ilse')

  team.on('2025-09-08')
  await voegToe(cast, team, cast.admin, 'ilse', 'coordinator', 'noordWest')
  await voegToe(cast, team, ilse, 'daan', 'leraar', 'ijdoorn')
  await voegToe(cast, team, ilse, 'sanne', 'teamleider', 'ijdoorn')
  await voegToe(cast, team, ilse, 'fatima', 'schoolopleider', 'sloterplas')
  await voegToe(cast, team, ilse, 'pieter', 'instituutsopleider', 'wetering')
  await voegToe(cast, team, cast.hr.westerpoort, 'rachid', 'hr-professional', 'sloterplas')

  team.on('2025-09-22')
  await legVast(cast, team, 'ambitie', [
    [
      'noordWest',
      'ilse',
      'Leervragen van ervaren leraren zichtbaar maken en de expertise die al in onze scholen aanwezig is toegankelijk maken, ook voorbij de begeleiding van studenten en starters.',
    ],
    [
      'ijdoorn',
      'daan',
      'Leraren in de onderbouw beter toerusten om te differentiëren in gemengde klassen: daar is nu handelingsverlegenheid.',
    ],
    [
      'sloterplas',
      'fatima',
      'Ervaren leraren inzetten als rolmodel en begeleider van studenten en starters, met aandacht voor verschillen in de mavo-klas.',
    ],
    [
      'wetering',
      'pieter',
      'Opleidingsdidactiek over differentiatie verbinden met de praktijk van de scholen, zodat studenten en opleiders van dezelfde praktijk leren.',
    ],
  ])
  await legVast(cast, team, 'belang', [
    [
      'noordWest',
      'ilse',
      'De opleidingsschool krijgt alleen een vergoeding voor de begeleiding van studenten; professionalisering van ervaren leraren mag daar niet ten koste van gaan.',
    ],
    [
      'ijdoorn',
      'sanne',
      'Ervaren leraren behouden: wie zich hier kan ontwikkelen, blijft. De tijd voor deelname moet binnen de taakbelasting passen.',
    ],
    [
      'sloterplas',
      'rachid',
      'Niet ieder het wiel laten uitvinden: samen optrekken met een andere school is efficiënter dan een eigen traject.',
    ],
    [
      'wetering',
      'pieter',
      'Zicht op actuele leervragen in de scholen, als voeding voor het curriculum van de lerarenopleiding.',
    ],
  ])
  await team.send(ilse, 'relatie.vastleggen', {
    text: 'De schoolopleiders van IJdoorn en Sloterplas kennen elkaar uit de intervisiegroep van de opleidingsschool; de instituutsopleider is op beide scholen al wekelijks aanwezig.',
  })

  team.on('2025-10-06')
  await team.send(ilse, 'fase.volgende')
  await team.send(ilse, 'gedeelde-ambitie.formuleren', {
    text: 'Samen leren tegemoetkomen aan verschillen tussen leerlingen: we maken de leervragen van leraren hierover zichtbaar en zetten de expertise uit ons eigen netwerk in om de handelingsverlegenheid te verminderen.',
  })
  await stemIn(cast, team, 'gedeelde-ambitie.onderschrijven', [
    ['noordWest', 'ilse'],
    ['ijdoorn', 'sanne'],
    ['sloterplas', 'fatima'],
    ['wetering', 'pieter'],
  ])

  team.on('2025-11-10')
  await team.send(ilse, 'fase.volgende')
  await team.send(await lid(cast, 'pieter'), 'oplossing.vastleggen', {
    text: 'Een leernetwerk differentiëren: vier bijeenkomsten waarin leraren eigen lessen inbrengen en die samen, met lesson study, bijstellen.',
    expertise: [
      {
        organisationId: cast.dir.org.wetering.id,
        description: 'Instituutsopleider met expertise in differentiatie en lesson study.',
      },
      {
        organisationId: cast.dir.org.ijdoorn.id,
        description: 'Twee onderbouwleraren die al met niveaugroepen werken.',
      },
    ],
  })
  await team.send(await lid(cast, 'fatima'), 'oplossing.vastleggen', {
    text: 'Collegiale lesbezoeken tussen IJdoorn en Sloterplas, met een gedeelde kijkwijzer.',
    expertise: [
      {
        organisationId: cast.dir.org.sloterplas.id,
        description: 'Schoolopleider die de kijkwijzer voor studenten heeft ontwikkeld.',
      },
    ],
  })

  team.on('2025-12-01')
  await team.send(ilse, 'fase.volgende')
  await team.send(ilse, 'ontwerp.vastleggen', {
    text: "Leernetwerk 'Verschillen in de klas': 13 deelnemers van beide scholen, vier bijeenkomsten van drie uur tussen februari en juni, met een lesson study-cyclus in de eigen klas.",
    collaboration:
      'De coördinator van de opleidingsschool zit voor; elke school levert een schoolopleider als begeleider; de lerarenopleiding levert de instituutsopleider en een gastdocent.',
    quality:
      'Na elke bijeenkomst een korte vragenlijst; halverwege een tussenevaluatie met de teamleiders; aan het eind een evaluatie op de vier niveaus.',
  })
  team.on('2025-12-15')
  await team.send(
    ilse,
    'pauzeren',
    {},
    {
      reason:
        'Toetsweek en rapportvergaderingen: het team pakt de akkoorden na de kerstvakantie op.',
    },
  )
  team.on('2026-01-12')
  await team.send(ilse, 'hervatten')
  await stemIn(cast, team, 'ontwerp.akkoord', [
    ['noordWest', 'ilse'],
    ['ijdoorn', 'sanne'],
    ['wetering', 'pieter'],
  ])
  // Sloterplas Mavo's akkoord is still open: its schoolleiding has not decided on the hours.

  // Recruitment does not wait for it: the first four of 13 places are taken.
  team.on('2026-01-19')
  await boek(team, ilse, [
    {
      description: 'Voorlichtingsbijeenkomst voor belangstellenden: zaalhuur en catering',
      euros: 380,
    },
  ])
  await schrijfIn(cast, team, ilse, DEELNEMERS_1A)
  return made
}
