import type {
  AuditRunTable,
  InstanceFactsTable,
  InstancePeriodTable,
  FactCountTable,
  OpenCountTable,
  ReportReadTable,
} from './facts-tables.ts'
import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely'

/** Timestamps are ISO-8601 strings on both databases, so hashes and exports read the same. */
type Timestamp = string

export interface OrganisationTable {
  id: string
  name: string
  kind: string
  /** The bestuur this organisation belongs to; its HR covers this one too. */
  parent_id: string | null
  created_at: Timestamp
}

export interface PersonTable {
  id: string
  /** null once the person is erased. */
  name: string | null
  email: string | null
  /** The organisation the person was created at; every affiliation is in `affiliations`. */
  organisation_id: string
  created_at: Timestamp
  erased_at: Timestamp | null
}

/** A person werkzaam bij an organisation, with an optional function title. */
export interface AffiliationTable {
  person_id: string
  organisation_id: string
  function_title: string | null
  created_at: Timestamp
}

export interface TokenTable {
  id: string
  name: string
  /** SHA-256 hex of the secret; the secret itself is never stored. */
  digest: string
  role: string
  person_id: string | null
  /** JSON array of organisation ids, or null for "all". */
  organisation_ids: string | null
  created_at: Timestamp
  revoked_at: Timestamp | null
}

export interface InstanceTable {
  id: string
  machine_id: string
  machine_version: number
  /** JSON of `{ value, context }`. */
  snapshot: string
  status: string
  /** Number of events applied; the head of the hash chain is event `version`. */
  version: number
  head_hash: string
  title: string
  pilot_id: string | null
  person_id: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface InstanceOrganisationTable {
  instance_id: string
  organisation_id: string
}

export interface InstancePersonTable {
  instance_id: string
  person_id: string
}

export interface EventTable {
  instance_id: string
  seq: number
  type: string
  payload: string
  reason: string | null
  actor_token_id: string
  actor_role: string
  /**
   * 1: the actor is token and role; 2: also the person and the organisation acted for; 3: also
   * the machine version (`machine_version`) the event was applied under.
   */
  format: Generated<number>
  /** Format 3: the machine version the event was applied under; null before (version 1). */
  machine_version: ColumnType<number | null, number | null | undefined, number | null>
  actor_person_id: string | null
  actor_organisation_id: string | null
  recorded_at: Timestamp
  effective_date: string | null
  state_before: string | null
  state_after: string
  prev_hash: string
  hash: string
}

export interface PilotTable {
  id: string
  name: string
  scenario: string
  organisation_ids: string
  /** Null for pilots created before forms were recorded: the scenario decides. */
  organisation_form: string | null
  lead_organisation_id: string | null
  created_at: Timestamp
}

export interface TransitionTable {
  id: string
  instance_id: string
  person_id: string
  organisation_id: string
  new_role: string
  current_role: string | null
  domain: string
  career_path: string
  created_at: Timestamp
}

export interface IdempotencyTable {
  token_id: string
  key: string
  fingerprint: string
  status_code: number
  body: string
  created_at: Timestamp
}

export interface MetaTable {
  key: string
  value: string
}

/** One read of personal data: which token, when, which person, through which route. */
export interface AccessLogTable {
  id: string
  at: Timestamp
  token_id: string
  role: string
  person_id: string
  /** The person's organisation when read, so scoped auditors see their own part. */
  organisation_id: string | null
  route: string
}

/** One logged-in browser; `id` is the SHA-256 of its cookie, never the cookie itself. */
export interface SessionTable {
  id: string
  token_id: string
  person_id: string | null
  /** How the browser signed in: 'token', or the id of an OpenID Connect provider. */
  via: string
  csrf: string
  /** A coarse label of the browser ("Firefox op Windows"), for the user's list of sessions. */
  device: string | null
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
}

/** An OpenID Connect login between the redirect to the provider and its answer. */
export interface LoginAttemptTable {
  id: string
  provider: string
  state: string
  nonce: string
  code_verifier: string
  return_to: string
  created_at: Timestamp
  expires_at: Timestamp
}

/** A provider's subject identifier that signs in as a person. */
export interface PersonIdentityTable {
  provider: string
  subject: string
  person_id: string
  created_at: Timestamp
}

/** A fixed-window request count shared by server processes (PostgreSQL). */
export interface RateLimitTable {
  key: string
  window_start: number
  count: number
}

/**
 * A resolved snapshot of an instance after event `seq`, kept so that time travel replays from the
 * nearest one instead of from event 1. Only a cache of the history: dropping every row changes
 * no answer, only its speed.
 */
export interface KeptSnapshotTable {
  instance_id: string
  seq: number
  machine_version: number
  /** The stored snapshot JSON ({ value, context }). */
  snapshot: string
  /** The hash of event `seq`: a kept snapshot counts only while the history still has it. */
  event_hash: string
}

/** The bytes of a document attached to an event, once per SHA-256 (hex) of those bytes. */
export interface DocumentTable {
  sha256: string
  /** What the bytes were recognised as when they came in (never the sender's word). */
  media_type: string
  size: number
  content: Buffer
  created_at: Timestamp
}

/** An instance with an event that refers to a document: who may read it is who may read that. */
export interface InstanceDocumentTable {
  instance_id: string
  sha256: string
  created_at: Timestamp
}

export interface Database {
  organisations: OrganisationTable
  people: PersonTable
  affiliations: AffiliationTable
  tokens: TokenTable
  instances: InstanceTable
  instance_organisations: InstanceOrganisationTable
  instance_people: InstancePersonTable
  events: EventTable
  kept_snapshots: KeptSnapshotTable
  pilots: PilotTable
  transitions: TransitionTable
  idempotency_keys: IdempotencyTable
  meta: MetaTable
  access_log: AccessLogTable
  sessions: SessionTable
  login_attempts: LoginAttemptTable
  person_identities: PersonIdentityTable
  rate_limits: RateLimitTable
  documents: DocumentTable
  instance_documents: InstanceDocumentTable
  instance_facts: InstanceFactsTable
  instance_periods: InstancePeriodTable
  fact_counts: FactCountTable
  open_counts: OpenCountTable
  report_reads: ReportReadTable
  audit_runs: AuditRunTable
}

export type Db = Kysely<Database>
export type Dialect = 'sqlite' | 'postgres'

export type Organisation = Selectable<OrganisationTable>
export type Person = Selectable<PersonTable>
export type Affiliation = Selectable<AffiliationTable>
export type Token = Selectable<TokenTable>
export type Instance = Selectable<InstanceTable>
export type NewInstance = Insertable<InstanceTable>
export type EventRow = Selectable<EventTable>
export type NewEventRow = Insertable<EventTable>
export type Pilot = Selectable<PilotTable>
export type Transition = Selectable<TransitionTable>
export type IdempotencyRecord = Selectable<IdempotencyTable>
export type AccessLogEntry = Selectable<AccessLogTable>
export type SessionRow = Selectable<SessionTable>
export type LoginAttempt = Selectable<LoginAttemptTable>
export type DocumentRow = Selectable<DocumentTable>
