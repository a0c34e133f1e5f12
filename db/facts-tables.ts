import type { Selectable } from 'kysely'

/**
 * Where an instance stands and what it is about, as lists and reports read it: kept in the
 * transaction of each event (see src/engine/facts). Ids, codes, days and numbers; no names.
 */
export interface InstanceFactsTable {
  instance_id: string
  machine_id: string
  machine_version: number
  /** The event the row is up to date with. */
  seq: number
  status: string
  /** The top-level state: a phase of a team, or aangevraagd/lopend/… of a rolovergang. */
  phase: string
  /** Whose move it is: 'hr', 'leraar', 'team', or null when nobody's (finished). */
  waiting_on: string | null
  /** The title in lower case, for search. */
  title_key: string
  /** The organisation the instance is for: the pilot's lead, the transition's school. */
  organisation_id: string | null
  /** Every organisation the instance concerns, sorted and joined by spaces (see reachOf). */
  reach: string
  scenario: string | null
  organisation_form: string | null
  domain: string | null
  career_path: string | null
  new_role: string | null
  outcome: string | null
  /** The Amsterdam day the instance began (its first event's ingangsdatum where it has one). */
  started_on: string
  /** The day of the last event of the process itself (not bookkeeping): "stilgevallen" counts from here. */
  last_on: string
  /** When that last step was recorded. */
  last_at: string
  /**
   * 1: that step has an ingangsdatum on another day than its recording, and "stilgevallen" counts
   * whole days from last_on; 0: it counts 30 days to the hour from last_at.
   */
  last_dated: number
  cycle: number
  planned_cents: number | null
  spent_cents: number | null
  places: number | null
  enrolled: number | null
  completed: number | null
  /** How many evaluations with scores the mean scores are of. */
  scored: number
  score_gedeelde_ambities: number | null
  score_belangen: number | null
  score_relaties: number | null
  score_professioneel_organiseren: number | null
  score_betekenisgevend_proces: number | null
}

/** One stretch of time a phase (team) or a question (rolovergang) was open. */
export interface InstancePeriodTable {
  instance_id: string
  part: string
  /** The event that opened it. */
  opened_seq: number
  entered_on: string
  /** Null while still open. */
  left_on: string | null
  /** Whole days from entered_on to left_on; null while open. */
  days: number | null
  /** Its instance's reach, as in instance_facts. */
  reach: string
  /** The day its instance began, as in instance_facts. */
  started_on: string
  /** 1: the first time its instance entered this part (a funnel counts these). */
  first_entry: number
}

/** How many instances stand in one (machine, reach, phase, whose move, status, renewed): the start page's and funnels' sums. */
export interface FactCountTable {
  machine_id: string
  reach: string
  phase: string
  /** '' where it is nobody's move. */
  waiting_on: string
  status: string
  /** 1: a team past its first cycle. */
  renewed: number
  count: number
}

export type InstanceFacts = Selectable<InstanceFactsTable>
export type InstancePeriod = Selectable<InstancePeriodTable>

/** One read of a report: which token, when, which report with which filters, in which format. */
export interface ReportReadTable {
  id: string
  at: string
  token_id: string
  role: string
  report: string
  /** The filters as JSON (ids and dates, no names). */
  filters: string
  format: string
}

/** A checkpoint taken or a verification run: when, by which token, over how many chains. */
export interface AuditRunTable {
  id: string
  kind: 'checkpoint' | 'verify'
  at: string
  token_id: string
  instances: number
  /** Events the chains held then: the number a checkpoint is compared with later. */
  events: number
  /** Breaks the verification found (0 for a checkpoint). */
  breaks: number
}

/** How many periods of one part are open now in one reach: the start page's open questions. */
export interface OpenCountTable {
  part: string
  reach: string
  count: number
}
