import { eventHash, isEventFormat } from '../engine/hash.ts'
import type { EventFormat } from '../engine/hash.ts'
import type { Cell } from './csv.ts'
import { csvRow } from './csv.ts'

// The export format, shared by the server that writes it and the offline verifier that reads it.
// An export is a sequence of records: one `export` record (what was asked for), then per
// instance a `head` record followed by its events in seq order, and one `end` record with the
// counts, so a file cut short is noticed. NDJSON has one JSON record per line; CSV has the same
// records as rows under a header row (see CSV_COLUMNS).

// v2 (this release) adds to every event record its event `format` and, for format 2, the actor's
// person and organisation (CSV: three columns at the end). A v1 file has only format-1 events; the
// verifier reads both. v3 adds the machine version: on every format-3 event (`machineVersion`,
// covered by its hash; CSV: one more column at the end) and on every head (the version the
// instance runs now).
export const EXPORT_FORMAT = 'doorlopend-export-v3'
/** Every export format the verifier reads. */
export const EXPORT_FORMATS: readonly string[] = [
  'doorlopend-export-v1',
  'doorlopend-export-v2',
  EXPORT_FORMAT,
]

export interface ExportHeader {
  kind: 'export'
  format: string
  exportedAt: string
  /** The filters asked for; null where absent. `from` inclusive, `to` exclusive (recordedAt). */
  filter: { instanceId: string | null; from: string | null; to: string | null }
  /** 'all', or the organisations the exporting token was limited to. */
  scope: 'all' | { organisationIds: string[] }
}

/** An instance's head when it was exported; its events in the export stop at `version`. */
export interface HeadRecord {
  kind: 'head'
  instanceId: string
  machineId: string
  /** v3: the machine version the instance runs. */
  machineVersion?: number
  version: number
  headHash: string
}

/** Every field of an event; `hash` = eventHash(prevHash, the other fields) of src/engine/hash.ts. */
export interface EventRecord {
  kind: 'event'
  /** The event's format (see src/engine/hash.ts); absent in v1 exports, where it is 1. */
  format?: EventFormat
  instanceId: string
  seq: number
  type: string
  payload: unknown
  reason: string | null
  /** Format 2 also names personId and organisationId (null where they do not apply). */
  actor: { tokenId: string; role: string; personId?: string | null; organisationId?: string | null }
  recordedAt: string
  effectiveDate: string | null
  stateBefore: unknown
  stateAfter: unknown
  /** Format 3: the machine version the event was applied under. */
  machineVersion?: number | null
  prevHash: string
  hash: string
  /** Fields whose stored text was not valid JSON; they carry that text as a string instead. */
  unparseable?: string[]
}

export interface EndRecord {
  kind: 'end'
  events: number
  instances: number
}

export type ExportRecord = ExportHeader | HeadRecord | EventRecord | EndRecord

/** An event as it is stored (the columns of the events table). */
export interface StoredEvent {
  instance_id: string
  seq: number
  type: string
  payload: string
  reason: string | null
  actor_token_id: string
  actor_role: string
  format: number
  actor_person_id: string | null
  actor_organisation_id: string | null
  recorded_at: string
  effective_date: string | null
  state_before: string | null
  state_after: string
  prev_hash: string
  hash: string
  machine_version: number | null
}

export const CSV_COLUMNS = [
  'kind',
  'instanceId',
  'seq',
  'type',
  'payload',
  'reason',
  'actorTokenId',
  'actorRole',
  'recordedAt',
  'effectiveDate',
  'stateBefore',
  'stateAfter',
  'prevHash',
  'hash',
  'format',
  'actorPersonId',
  'actorOrganisationId',
  'machineVersion',
] as const

/** Parses a stored JSON column; a column that is not JSON (a damaged row) is kept as text. */
function jsonColumn(text: string | null, name: string, bad: string[]): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    bad.push(name)
    return text
  }
}

/** The export record of a stored event. */
export function eventRecord(row: StoredEvent): EventRecord {
  const bad: string[] = []
  const format = isEventFormat(row.format) ? row.format : 1
  const v2 = format !== 1
  const record: EventRecord = {
    kind: 'event',
    format,
    instanceId: row.instance_id,
    seq: row.seq,
    type: row.type,
    payload: jsonColumn(row.payload, 'payload', bad),
    reason: row.reason,
    actor: v2
      ? {
          tokenId: row.actor_token_id,
          role: row.actor_role,
          personId: row.actor_person_id,
          organisationId: row.actor_organisation_id,
        }
      : { tokenId: row.actor_token_id, role: row.actor_role },
    recordedAt: row.recorded_at,
    effectiveDate: row.effective_date,
    stateBefore: jsonColumn(row.state_before, 'stateBefore', bad),
    stateAfter: jsonColumn(row.state_after, 'stateAfter', bad),
    prevHash: row.prev_hash,
    hash: row.hash,
  }
  if (format === 3) record.machineVersion = row.machine_version
  if (bad.length > 0) record.unparseable = bad
  return record
}

export function ndjsonLine(record: ExportRecord): string {
  return `${JSON.stringify(record)}\n`
}

export function csvHeaderRow(): string {
  return csvRow(CSV_COLUMNS)
}

/** One CSV row; JSON columns of events hold the stored text exactly. */
export function csvLine(record: ExportRecord, stored?: StoredEvent): string {
  const empty = (): Cell[] => CSV_COLUMNS.map(() => null)
  const row = empty()
  row[0] = record.kind
  switch (record.kind) {
    case 'export': {
      const { kind: _kind, ...meta } = record
      row[4] = JSON.stringify(meta)
      break
    }
    case 'head':
      row[1] = record.instanceId
      row[2] = record.version
      row[3] = record.machineId
      row[13] = record.headHash
      row[17] = record.machineVersion ?? null
      break
    case 'end':
      row[4] = JSON.stringify({ events: record.events, instances: record.instances })
      break
    case 'event': {
      if (!stored) throw new Error('csvLine needs the stored event')
      return csvRow([
        'event',
        stored.instance_id,
        stored.seq,
        stored.type,
        stored.payload,
        stored.reason,
        stored.actor_token_id,
        stored.actor_role,
        stored.recorded_at,
        stored.effective_date,
        stored.state_before,
        stored.state_after,
        stored.prev_hash,
        stored.hash,
        stored.format,
        stored.actor_person_id,
        stored.actor_organisation_id,
        stored.machine_version,
      ])
    }
  }
  return csvRow(row)
}

/** Reads a CSV row back into a record; throws with a reason when it is malformed. */
export function recordFromCsv(cells: readonly (string | null)[]): ExportRecord {
  const at = (i: number) => cells[i] ?? null
  const text = (i: number) => {
    const value = at(i)
    if (value === null) throw new Error(`column ${CSV_COLUMNS[i]} is empty`)
    return value
  }
  const int = (i: number) => {
    const value = Number(text(i))
    if (!Number.isSafeInteger(value)) throw new Error(`column ${CSV_COLUMNS[i]} is not a number`)
    return value
  }
  const kind = at(0)
  switch (kind) {
    case 'export':
      return { kind, ...(JSON.parse(text(4)) as Omit<ExportHeader, 'kind'>) }
    case 'end':
      return { kind, ...(JSON.parse(text(4)) as Omit<EndRecord, 'kind'>) }
    case 'head':
      return {
        kind,
        instanceId: text(1),
        version: int(2),
        machineId: text(3),
        headHash: text(13),
        ...(at(17) === null ? {} : { machineVersion: int(17) }),
      }
    case 'event':
      return eventRecord({
        instance_id: text(1),
        seq: int(2),
        type: text(3),
        payload: text(4),
        reason: at(5),
        actor_token_id: text(6),
        actor_role: text(7),
        recorded_at: text(8),
        effective_date: at(9),
        state_before: at(10),
        state_after: text(11),
        prev_hash: text(12),
        hash: text(13),
        format: at(14) === null ? 1 : int(14),
        actor_person_id: at(15),
        actor_organisation_id: at(16),
        machine_version: at(17) === null ? null : int(17),
      })
    default:
      throw new Error(`unknown record kind ${JSON.stringify(kind)}`)
  }
}

/** The hash of an event record as src/engine/hash.ts computes it; null when it cannot be. */
export function recomputeHash(e: EventRecord): string | null {
  try {
    const format = e.format ?? 1
    if (!isEventFormat(format)) return null
    return eventHash(e.prevHash, {
      format,
      instanceId: e.instanceId,
      seq: e.seq,
      type: e.type,
      payload: e.payload,
      reason: e.reason,
      actor: {
        tokenId: e.actor.tokenId,
        role: e.actor.role,
        personId: e.actor.personId ?? null,
        organisationId: e.actor.organisationId ?? null,
      },
      recordedAt: e.recordedAt,
      effectiveDate: e.effectiveDate,
      stateBefore: e.stateBefore,
      stateAfter: e.stateAfter,
      machineVersion: e.machineVersion ?? null,
    })
  } catch {
    return null
  }
}
