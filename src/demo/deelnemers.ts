import type { PersonKey } from './directory.ts'

// The participants of each pilot and the leervraag each starts from (every pilot starts from the
// participants' own questions). Each works at one of the pilot's organisations.

type Deelnemers = readonly (readonly [PersonKey, string])[]

/** 1a: the first participants enrolled while the design waits for its last akkoord. */
export const DEELNEMERS_1A: Deelnemers = [
  [
    'iris',
    'Hoe geef ik in een klas met grote niveauverschillen iedere leerling een passende opdracht?',
  ],
  ['wouter', 'Hoe organiseer ik werken in niveaugroepen zonder dat de klas onrustig wordt?'],
  ['jesse', 'Hoe help ik leerlingen met een taalachterstand bij teksten in mijn vak?'],
  ['naima', 'Hoe daag ik de sterke rekenaars uit terwijl ik de anderen bijwerk?'],
]

/** 1b, team 1: the leergemeenschap formatief handelen (13 places). */
export const DEELNEMERS_1B: Deelnemers = [
  ['koen', 'Hoe zie ik tijdens de les wat leerlingen van een practicum begrepen hebben?'],
  ['lieke', 'Hoe geef ik feedback op spreekvaardigheid die leerlingen ook gebruiken?'],
  ['thijs', 'Hoe maak ik leerdoelen zichtbaar in een praktijkvak?'],
  ['stijn', 'Hoe gebruik ik exit tickets zonder dat ze een toets worden?'],
  ['anna', 'Hoe laat ik leerlingen elkaars werk beoordelen aan de hand van criteria?'],
  ['ruben', 'Hoe stel ik vragen die laten zien of leerlingen historisch redeneren?'],
  ['nina', 'Hoe pas ik mijn les aan op wat een diagnostische toets laat zien?'],
  [
    'sophie',
    'Hoe begeleid ik het schrijfproces in plaats van alleen het eindproduct te beoordelen?',
  ],
  ['femke', 'Hoe zet ik formatief toetsen in bij de voorbereiding op het examen?'],
  ['bas', 'Hoe krijg ik zicht op misconcepties bij kaartvaardigheden?'],
  ['julia', 'Hoe richt ik een les zo in dat ik halverwege kan bijsturen?'],
  ['omar', 'Hoe laat ik leerlingen zelf hun voortgang bijhouden?'],
  ['esther', 'Hoe geef ik feedback die vooruit kijkt in plaats van alleen een cijfer?'],
]

/** 1b, team 1: who took the place of the participant who withdrew. */
export const VERVANGER_1B: Deelnemers = [
  ['milan', 'Hoe gebruik ik wisbordjes en andere snelle checks in de wiskundeles?'],
]

/** 2a, cycle 1: opleiders of the opleidingsscholen and the lerarenopleiding. */
export const DEELNEMERS_2A: Deelnemers = [
  ['margot', 'Hoe leg ik studenten uit waarom ik in een les differentieer, terwijl ik het doe?'],
  ['jeroen', 'Hoe begeleid ik een lesson study-team van studenten en ervaren leraren?'],
  ['lotfi', 'Hoe help ik starters om zelfregulerend leren bij hun leerlingen te ondersteunen?'],
  ['ingeborg', 'Hoe maak ik mijn eigen didactische keuzes bespreekbaar in de nabespreking?'],
  ['roel', 'Hoe koppel ik de doelsysteemdidactiek aan de opdrachten van de lerarenopleiding?'],
  ['saskia', 'Hoe voer ik een leergesprek met een student over een mislukte les?'],
  ['bart', 'Hoe onderzoek ik mijn eigen begeleidingspraktijk systematisch?'],
  ['miriam', 'Hoe sluit mijn opleidingsdidactiek aan bij wat schoolopleiders in de praktijk zien?'],
  ['frank', 'Hoe ontwerp ik met schoolopleiders samen een onderzoeksles?'],
  ['layla', 'Hoe leer ik studenten differentiëren in klassen van dertig leerlingen?'],
]

/** 2a, cycle 2: a returning opleider for the vervolgmodule and the first from the mbo. */
export const DEELNEMERS_2A_CYCLUS_2: Deelnemers = [
  ['margot', 'Hoe leid ik zelf een lesson study-cyclus op mijn school, nu zonder de trainer?'],
  [
    'priya',
    'Hoe vertaal ik pedagogiek en didactiek van het voortgezet onderwijs naar de mbo-praktijk?',
  ],
]

/** 2b: the six enrolments of fifteen places when the werkgroep paused. */
export const DEELNEMERS_2B: Deelnemers = [
  [
    'femke',
    'Hoe neem ik collega’s mee in de vernieuwing van de bovenbouw zonder leidinggevende te zijn?',
  ],
  ['omar', 'Hoe breng ik het gesprek over onderwijskwaliteit op gang in mijn sectie?'],
  ['esther', 'Hoe zet ik een onderzoeksvraag van de school om in een project met collega’s?'],
  ['daphne', 'Hoe krijg ik ruimte voor een vakoverstijgend project in een vol rooster?'],
  ['hugo', 'Wat vraagt het van mij om sectieleider te worden?'],
  ['yara', 'Hoe kan ik als MR-lid meedenken over het onderwijs en niet alleen over regels?'],
]
