import type { MigrationOutcome, SnapshotMigration } from './migration-types.ts'
import type { RolovergangContext as V1 } from './rolovergang.context.ts'
import { rolovergang } from './rolovergang.machine.ts'
import type { RolovergangV2Context as V2 } from './rolovergang.v2.context.ts'
import { recognitionKindLabels } from './rolovergang.v2.vocabulary.ts'
import { InvalidSnapshotError, restore } from './runtime.ts'
import type { StoredSnapshot } from './types.ts'

// How a rolovergang of version 1 becomes one of version 2, state by state and context by context.
//
// The rule, applied to every region alike: a snapshot moves when version 2's own rules could
// have produced what version 1 recorded. A fact version 2 asks for and version 1 never did (the
// start level, the budget source, what a form of erkenning is) is left null, "not recorded under
// version 1", never made up. But a record that a guard of version 2 would have refused stays on
// version 1, because making it fit would mean inventing a reason or an agreement:
// - a role that is actief: version 2 starts a role only after the teacher agreed to every
//   afspraak, which version 1 could not ask (so also an erkenning verleend, which needs it);
// - ondersteuning afgerond: it was closed without the teacher's agreement, which version 2 needs
//   before the role starts and can no longer be given to a closed afspraak;
// - admission straight from `open`: version 2 asks for a reason to skip the orientation;
// - facilitering of 0 hours: version 2 asks for a reason.
// Open afspraken of a role still in voorbereiding move as `afgesproken`: they wait for the
// teacher's agreement, which version 2 asks before the role starts. Closed processes stay on
// their version. The mapping is pure: the same snapshot always gives the same outcome.

const blijft = 'Deze rolovergang blijft op versie 1 en loopt daar gewoon verder.'

function refuse(reasons: string[]): MigrationOutcome {
  return { ok: false, reasons: [...reasons, blijft] }
}

/** The v1 context in v2's shape; what v1 did not record is null. */
function contextV2(c: V1): V2 {
  const notRecorded = null
  return {
    personId: c.personId,
    organisationId: c.organisationId,
    newRole: c.newRole,
    currentRole: c.currentRole,
    domain: c.domain,
    careerPath: c.careerPath,
    aangevraagdAt: c.aangevraagdAt,
    behandelingGestartAt: c.behandelingGestartAt,
    startniveau: notRecorded,
    bereiktNiveau: null,
    inbreng: null,
    orientatie: c.orientatie,
    toegang: c.toegang && { ...c.toegang, skipOrientationReason: null },
    ondersteuning: c.ondersteuning && { ...c.ondersteuning, instemming: null },
    facilitering: c.facilitering && {
      hoursPerYear: c.facilitering.hoursPerYear,
      budgetSource: notRecorded,
      agreedBy: notRecorded,
      agreedByPersonId: notRecorded,
      zeroHoursReason: null,
      compensation: c.facilitering.compensation,
      note: c.facilitering.note,
      at: c.facilitering.at,
      instemming: null,
    },
    erkenning: c.erkenning && {
      recognitions: [{ form: c.erkenning.form, what: notRecorded, description: null }],
      note: c.erkenning.note,
      at: c.erkenning.at,
      instemming: null,
      verleend: c.erkenning.verleend,
    },
    rol: c.rol,
    rolEinde: null,
    uitkomst: null,
    afwijzing: c.afwijzing,
    intrekking: c.intrekking,
    afgerondAt: c.afgerondAt,
  }
}

const startniveau =
  'Het startniveau in de nieuwe rol is onder versie 1 niet vastgelegd; HR kan het vastleggen zolang de rol niet is begonnen.'
const inbreng = 'De leraar kan nu zelf motieven en een leervraag vastleggen.'
const wachtOpInstemming = (name: string) =>
  `De afspraak over ${name} wacht nu op de instemming van de leraar.`

type Regions = Record<'toegang' | 'ondersteuning' | 'facilitering' | 'erkenning' | 'rol', string>

/** Why a region of `lopend` cannot move; empty when it can. */
function refusals(regions: Regions, c: V1): string[] {
  const reasons: string[] = []
  if (regions.toegang === 'toegelaten' && c.orientatie === null) {
    reasons.push(
      'De leraar is onder versie 1 toegelaten zonder oriëntatie; versie 2 vraagt daarvoor een reden, en die is achteraf niet vast te leggen.',
    )
  }
  if (regions.ondersteuning === 'afgerond') {
    reasons.push(
      'De ondersteuning is onder versie 1 afgerond zonder dat de leraar ermee kon instemmen; versie 2 vraagt die instemming voordat de rol begint.',
    )
  }
  if (c.facilitering?.hoursPerYear === 0) {
    reasons.push(
      'De facilitering is onder versie 1 afgesproken op 0 uur zonder reden; versie 2 vraagt bij 0 uur een reden. Spreek onder versie 1 eerst uren af om over te kunnen gaan.',
    )
  }
  if (regions.erkenning === 'verleend') {
    reasons.push(
      'De erkenning is onder versie 1 verleend zonder dat de leraar met de afspraak kon instemmen.',
    )
  }
  if (regions.rol === 'actief') {
    reasons.push(
      'De rol is onder versie 1 begonnen zonder dat de leraar met de afspraken kon instemmen; versie 2 laat een rol pas beginnen na die instemming.',
    )
  }
  return reasons
}

/** One line per thing that differs for this instance in `lopend`. */
function changesInLopend(regions: Regions, c: V1): string[] {
  const changes = [startniveau, inbreng]
  if (regions.toegang === 'open') {
    changes.push('Toelaten kan nu alleen na een oriëntatie, of met een reden om die over te slaan.')
  }
  changes.push('De ondersteuning kent nu ook inductie.')
  if (c.ondersteuning) changes.push(wachtOpInstemming('ondersteuning'))
  if (c.facilitering) {
    const { hoursPerYear, compensation } = c.facilitering
    changes.push(
      `De facilitering van ${hoursPerYear} uur per jaar telt nu als uren die van de lestaak af gaan; wie ze betaalt en wie akkoord ging, is onder versie 1 niet vastgelegd (de compensatie blijft bewaard: ‘${compensation}’).`,
      wachtOpInstemming('facilitering'),
    )
  } else {
    changes.push(
      'Facilitering wordt nu afgesproken in uren van de lestaak af, met wie ze betaalt en wie akkoord ging; 0 uur vraagt een reden.',
    )
  }
  if (c.erkenning) {
    changes.push(
      `De erkenning ‘${recognitionKindLabels[c.erkenning.form]}’ is nu één vorm in een lijst; wat het is (certificaat, registerinschrijving, salarisschaal) is onder versie 1 niet vastgelegd.`,
      wachtOpInstemming('erkenning'),
    )
  } else {
    changes.push(
      'Erkenning kan nu uit meer vormen tegelijk bestaan: formeel, informeel, in salaris.',
    )
  }
  changes.push(
    'De rol kan pas beginnen als de leraar met de ondersteuning, de facilitering en de erkenning heeft ingestemd; ook de erkenning moet daarvoor zijn afgesproken.',
    'Afronden vraagt nu wat de leraar daarna doet.',
  )
  return changes
}

function migrate(snapshot: StoredSnapshot): MigrationOutcome {
  let value: unknown
  let c: V1
  try {
    const resolved = restore(rolovergang, snapshot)
    value = resolved.value
    // A copy, so the new snapshot shares no object with the old one.
    c = structuredClone(resolved.context) as V1
  } catch (error) {
    if (!(error instanceof InvalidSnapshotError)) throw error
    return refuse(['Het opgeslagen proces past niet bij versie 1 van de rolovergang.'])
  }
  if (value === 'aangevraagd') {
    const later =
      'Zodra de aanvraag in behandeling is, gelden de regels van versie 2: oriëntatie vóór toelating, instemming van de leraar met elke afspraak voordat de rol begint, en een uitkomst bij het afronden.'
    return {
      ok: true,
      next: { value: 'aangevraagd', context: contextV2(c) },
      changes: [startniveau, inbreng, later],
    }
  }
  if (typeof value === 'string') {
    return refuse([`Deze rolovergang is ${value}: afgesloten processen blijven op hun versie.`])
  }
  // restore() checked the value against version 1: the only compound state is lopend.
  const regions = (value as { lopend: Regions }).lopend
  const reasons = refusals(regions, c)
  if (reasons.length > 0) return refuse(reasons)
  // The remaining region states have the same names in version 2.
  return {
    ok: true,
    next: { value: { lopend: { ...regions } }, context: contextV2(c) },
    changes: changesInLopend(regions, c),
  }
}

/** The declared migration of the rolovergang from version 1 to version 2. */
export const rolovergangV1toV2: SnapshotMigration = {
  machine: 'rolovergang',
  from: 1,
  to: 2,
  summary:
    'Versie 2 legt niveaus, de inbreng en instemming van de leraar, facilitering in uren van de lestaak af, erkenning in meer vormen, het einde van de rol en de uitkomst vast.',
  migrate,
}
