import type { MigrationOutcome, SnapshotMigration } from './migration-types.ts'
import type { OntwikkelteamContext as V1 } from './ontwikkelteam.context.ts'
import { ontwikkelteam } from './ontwikkelteam.machine.ts'
import {
  OntwikkelteamV2Context,
  type OntwikkelteamV2Context as V2,
} from './ontwikkelteam.v2.context.ts'
import { plannedBudgetCents } from './ontwikkelteam.v2.vocabulary.ts'
import { euro } from './ontwikkelteam.v2.checks.ts'
import { InvalidSnapshotError, restore } from './runtime.ts'
import type { StoredSnapshot } from './types.ts'
import { type Phase, phases } from './vocabulary.ts'

// How an ontwikkelteam of version 1 becomes one of version 2.
//
// Version 1 ran every team as a zelfregulerend netwerk: every organisation endorsed and agreed
// for itself. A team of a scenario-1 pilot (named "Ontwikkelteam", "Ontwikkelteam 1" or
// "Ontwikkelteam 2" by the pilot that made it) keeps exactly that governance in version 2, and
// moves. A werkgroep of a scenario-2 pilot stays on version 1: version 2 lets its lead
// organisation decide, and version 1 never recorded which organisation leads.
// What version 2 adds starts empty (participants, expenses, consultations) or at its default
// (13 places, the scenario-1 budget); what version 2 asks and version 1 never did is not made up,
// so a team with evaluations stays (version 2 records who evaluated, with Leraar in Amsterdam).
// Closed teams (afgerond, gestopt) stay on their version. The mapping is pure.

const blijft = 'Dit team blijft op versie 1 en loopt daar gewoon verder.'
const NETWORK_TEAMS = new Set(['Ontwikkelteam', 'Ontwikkelteam 1', 'Ontwikkelteam 2'])
const PLACES = 13

function refuse(reasons: string[]): MigrationOutcome {
  return { ok: false, reasons: [...reasons, blijft] }
}

/** The v1 context in v2's shape: a zelfregulerend netwerk, in `phase` since it began. */
function contextV2(c: V1, phase: Phase): V2 {
  const day = c.aangemaaktAt.slice(0, 10)
  return {
    pilotId: c.pilotId,
    teamName: c.teamName,
    aangemaaktAt: c.aangemaaktAt,
    cycle: c.cycle,
    organisationForm: 'zelfregulerend-netwerk',
    leadOrganisationId: null,
    organisations: c.organisations,
    organisationIds: c.organisationIds,
    members: c.members,
    pauze: c.pauze,
    // When each earlier phase began was not recorded: the current one counts from the start.
    fasen: [{ phase, cycle: c.cycle, from: day, to: null }],
    ambities: c.ambities,
    belangen: c.belangen,
    relaties: c.relaties,
    gedeeldeAmbitie: c.gedeeldeAmbitie,
    raadplegingen: [],
    oplossingen: c.oplossingen,
    ontwerp: c.ontwerp && { ...c.ontwerp, document: null },
    activiteiten: c.activiteiten,
    evaluaties: [],
    resultaten: c.resultaten.map((r) => ({ ...r, document: null })),
    terugstappen: c.terugstappen,
    places: PLACES,
    deelnemers: [],
    uitgaven: [],
    vorigeCycli: c.vorigeCycli.map((v) => ({
      cycle: v.cycle,
      gedeeldeAmbitie: v.gedeeldeAmbitie,
      ontwerp: v.ontwerp && { ...v.ontwerp, document: null },
      organisationIds: c.organisationIds,
      places: PLACES,
      vernieuwdAt: v.vernieuwdAt,
      added: [],
      removed: [],
      startPhase: 'verkennen',
      startReason: null,
    })),
    gestopt: null,
    heropeningen: [],
    afgerondAt: null,
  }
}

function migrate(snapshot: StoredSnapshot): MigrationOutcome {
  let value: unknown
  let c: V1
  try {
    const resolved = restore(ontwikkelteam, snapshot)
    value = resolved.value
    c = structuredClone(resolved.context) as V1
  } catch (error) {
    if (!(error instanceof InvalidSnapshotError)) throw error
    return refuse(['Het opgeslagen team past niet bij versie 1 van het ontwikkelteam.'])
  }
  if (value === 'afgerond' || value === 'gestopt') {
    return refuse([`Dit team is ${value}: afgesloten processen blijven op hun versie.`])
  }
  const phase = value as Phase
  const reasons: string[] = []
  if (!NETWORK_TEAMS.has(c.teamName)) {
    reasons.push(
      'Versie 2 laat in een werkgroep van een leiderorganisatie de leidende organisatie beslissen; onder versie 1 is niet vastgelegd welke organisatie dat is.',
    )
  }
  if (c.evaluaties.length > 0) {
    reasons.push(
      'Versie 2 legt bij elke evaluatie vast wie evalueerde, samen met Leraar in Amsterdam; onder versie 1 is dat niet vastgelegd.',
    )
  }
  if (!phases.includes(phase)) reasons.push(`Onbekende fase ‘${String(value)}’.`)
  if (reasons.length > 0) return refuse(reasons)
  const next = { value: phase, context: OntwikkelteamV2Context.parse(contextV2(c, phase)) }
  return {
    ok: true,
    next,
    changes: [
      'Het team is een zelfregulerend netwerk: elke organisatie onderschrijft en geeft akkoord voor zichzelf, zoals onder versie 1.',
      `Het team heeft nu ${String(PLACES)} plaatsen en een begroting van ${euro(plannedBudgetCents(PLACES))}; deelnemers en uitgaven worden vanaf nu vastgelegd.`,
      'Een evaluatie vraagt nu scores op alle vijf cruciale elementen (bij de samenwerking), de doelen van de denktank (bij de doelstellingen), wie evalueerde en Leraar in Amsterdam.',
      'Een activiteit valt binnen de fase en ligt niet in de toekomst.',
      'Een nieuwe cyclus kan partners toevoegen of laten gaan, en met een reden in een latere fase beginnen.',
      `Hoe lang de fasen vóór de overstap duurden, is onder versie 1 niet vastgelegd; de fase ${phase} telt vanaf het begin van het team.`,
    ],
  }
}

/** The declared migration of the ontwikkelteam from version 1 to version 2. */
export const ontwikkelteamV1toV2: SnapshotMigration = {
  machine: 'ontwikkelteam',
  from: 1,
  to: 2,
  summary:
    'Versie 2 kent een bestuursvorm (netwerk of leiderorganisatie), deelnemers en plaatsen, een begroting, evaluatie met wie evalueerde, vernieuwing met andere partners en heropenen.',
  migrate,
}
