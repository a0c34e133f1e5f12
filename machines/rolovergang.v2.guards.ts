import { alle } from './guards.ts'
import { stringField } from './fields.ts'
import type { RolovergangV2Context as Context } from './rolovergang.v2.context.ts'
import { afspraakLabels, type Afspraak } from './rolovergang.v2.vocabulary.ts'
import type { GuardCheck } from './types.ts'

// The named guards of version 2 of the rolovergang. As in version 1 the regions of `lopend' move
// only by the events that also record their afspraak, so the guards read the context: `toegang`
// set means toegelaten, an afspraak's `instemming` set means the teacher agreed to it as it
// stands now. Checks on the payload apply only when a payload is given (see GuardCheck).

type Check = GuardCheck<Context>

const toegelaten: Check = (context) =>
  context.toegang === null
    ? ['De toegang is nog niet geregeld: de leraar is nog niet toegelaten.']
    : []

/** An afspraak is made and the teacher agreed to it as it stands. */
function ingestemd(afspraak: Afspraak): Check {
  const name = afspraakLabels[afspraak]
  return (context) => {
    const current = context[afspraak]
    if (current === null) return [`De ${name} is nog niet afgesproken.`]
    if (current.instemming === null) {
      return [`De leraar heeft nog niet ingestemd met de afspraak over ${name}.`]
    }
    return []
  }
}

const rolBegonnen: Check = (context) =>
  context.rol === null
    ? [`De leraar is nog niet begonnen in de nieuwe rol (${context.newRole}).`]
    : []

const ondersteuningAfgerond: Check = (context) =>
  context.ondersteuning?.afgerondAt == null ? ['De ondersteuning is nog niet afgerond.'] : []

const erkenningVerleend: Check = (context) =>
  context.erkenning?.verleend == null ? ['De erkenning is nog niet verleend.'] : []

/** Straight from `open`: only with a recorded reason to skip the orientation. */
const toelatenZonderOrientatie: Check = (_context, payload) =>
  payload !== undefined && !stringField(payload, 'skipOrientationReason')
    ? [
        'De leraar heeft zich nog niet op de nieuwe rol georiënteerd: begin eerst de oriëntatie, of geef een reden om die over te slaan.',
      ]
    : []

/** After an orientation a reason to skip it would contradict the record. */
const toelatenNaOrientatie: Check = (_context, payload) =>
  stringField(payload, 'skipOrientationReason')
    ? [
        'De leraar heeft zich al op de rol georiënteerd: laat de reden om de oriëntatie over te slaan leeg.',
      ]
    : []

/** A new role must not simply add to the workload: 0 hours off the teaching load needs a reason. */
const faciliteringOnderbouwd: Check = (_context, payload) => {
  if (payload === undefined) return []
  const hours = payload['hoursPerYear']
  const reason = stringField(payload, 'zeroHoursReason')
  if (hours === 0 && !reason) {
    return [
      'Bij 0 uur facilitering is een reden verplicht: een nieuwe rol mag de werkdruk niet zomaar verhogen. Zeg waarom er geen uren van de lestaak af gaan.',
    ]
  }
  if (hours !== 0 && reason) {
    return ['Een reden voor 0 uur hoort alleen bij een facilitering van 0 uur; laat die leeg.']
  }
  return []
}

/** A role ends on or after the day it began. */
const rolKanEindigen: Check = (context, payload) => {
  const endDate = stringField(payload, 'endDate')
  const startDate = context.rol?.startDate
  if (endDate === undefined || startDate === undefined || endDate >= startDate) return []
  return [`De einddatum (${endDate}) ligt vóór de startdatum van de rol (${startDate}).`]
}

/** Guard name → check. The names are the ones the machine refers to. */
export const rolovergangV2Guards = {
  toelatenZonderOrientatie,
  toelatenNaOrientatie,
  faciliteringOnderbouwd,
  rolKanStarten: alle(
    toegelaten,
    ingestemd('ondersteuning'),
    ingestemd('facilitering'),
    ingestemd('erkenning'),
  ),
  rolBegonnen,
  rolKanEindigen,
  overgangAfrondbaar: alle(
    rolBegonnen,
    ondersteuningAfgerond,
    ingestemd('facilitering'),
    erkenningVerleend,
  ),
} satisfies Record<string, Check>

export type RolovergangV2Guard = keyof typeof rolovergangV2Guards
