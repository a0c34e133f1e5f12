import type { KeyObject } from 'node:crypto'
import type { DocumentSummary } from './documents-check.ts'
import type { ExportHeader, ExportRecord } from './export-format.ts'

// What the offline verifier takes and answers.

export type { DocumentSummary } from './documents-check.ts'

export interface Break {
  /** Line (NDJSON) or row (CSV) of the export, when the break is in it. */
  line: number | null
  instanceId: string | null
  seq: number | null
  reason: string
}

/** One record of the file, or why its line could not be read. */
export interface ParsedLine {
  line: number
  record?: ExportRecord
  error?: string
}

export interface VerifyExportOptions {
  /** Checkpoint files, parsed JSON, by the name to report them under. */
  checkpoints?: { name: string; data: unknown }[]
  publicKey?: KeyObject
  /** Breaks kept in the result (all are counted). */
  maxBreaks?: number
  /**
   * A directory with the documents the events refer to, each file named by its SHA-256 (hex):
   * each is checked against the hash and size on the chain; a missing or changed one is a break.
   */
  documentsDir?: string
}

export interface CheckpointSummary {
  name: string
  at: string
  events: number
  instances: number
  /** Heads whose event was found in the export with the same hash. */
  headsConfirmed: number
  /** Heads the export does not cover (filtered out or outside the token's scope). */
  headsNotCovered: number
}

export interface VerifyExportResult {
  ok: boolean
  header: ExportHeader | null
  events: number
  instances: number
  /** Every chain from seq 1 to its head and every instance: nothing was filtered out. */
  complete: boolean
  breaks: Break[]
  breakCount: number
  checkpoints: CheckpointSummary[]
  /** The documents the events refer to, and how many matched their files. */
  documents: DocumentSummary
}
