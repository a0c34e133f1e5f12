import type { KeyObject } from 'node:crypto'
import { ZERO_HASH } from '../engine/hash.ts'
import { soundCheckpoints } from './checkpoint-check.ts'
import { DocumentRefs } from './documents-check.ts'
import { EXPORT_FORMAT, EXPORT_FORMATS, recomputeHash } from './export-format.ts'
import type { EventRecord, ExportHeader, HeadRecord } from './export-format.ts'
import type {
  CheckpointSummary,
  ParsedLine,
  VerifyExportOptions,
  VerifyExportResult,
} from './verify-result.ts'

export type * from './verify-result.ts'

// The offline verifier: reads an export record by record (memory stays flat in the number of
// events), recomputes every hash with the server's own hashing function, checks every link and
// head, and compares the chains with signed checkpoints taken earlier.

interface Expected {
  checkpoint: number
  seq: number
  hash: string
}

interface Current {
  head: HeadRecord | null
  firstSeq: number | null
  lastSeq: number | null
  lastHash: string
  /** The machine version the last event was applied under (null before the first). */
  lastMachineVersion: number | null
  expected: Expected[]
}

const isHex64 = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)

class ExportVerifier {
  readonly result: VerifyExportResult = {
    ok: false,
    header: null,
    events: 0,
    instances: 0,
    complete: false,
    breaks: [],
    breakCount: 0,
    checkpoints: [],
    documents: { referenced: 0, checked: false, matching: 0, missing: 0, mismatched: 0 },
  }
  readonly #documents = new DocumentRefs()
  readonly #max: number
  readonly #expected = new Map<string, Expected[]>()
  readonly #seen = new Set<string>()
  #current: Current | null = null
  #currentId: string | null = null
  #line = 0
  #ended = false
  #chainsComplete = false

  constructor(options: VerifyExportOptions) {
    this.#max = options.maxBreaks ?? 100
    this.#loadCheckpoints(options)
  }

  #break(
    reason: string,
    instanceId: string | null = null,
    seq: number | null = null,
    line: number | null = this.#line,
  ) {
    this.result.breakCount++
    if (this.result.breaks.length < this.#max)
      this.result.breaks.push({ line, instanceId, seq, reason })
  }

  #loadCheckpoints(options: VerifyExportOptions) {
    const given = options.checkpoints ?? []
    if (given.length > 0 && !options.publicKey) {
      throw new Error('a checkpoint can only be checked with the public key it was signed with')
    }
    const { problems, sound } = soundCheckpoints(given, options.publicKey as KeyObject)
    for (const p of problems) this.#break(p, null, null, null)
    for (const [index, { name, checkpoint }] of sound.entries()) {
      this.result.checkpoints.push({
        name,
        at: checkpoint.at,
        events: checkpoint.events,
        instances: checkpoint.instances,
        headsConfirmed: 0,
        headsNotCovered: 0,
      })
      for (const head of checkpoint.heads) {
        const list = this.#expected.get(head.instanceId) ?? []
        list.push({ checkpoint: index, seq: head.seq, hash: head.hash })
        this.#expected.set(head.instanceId, list)
      }
    }
  }

  push(parsed: ParsedLine): void {
    this.#line = parsed.line
    if (parsed.error !== undefined || !parsed.record) {
      this.#break(`unreadable record: ${parsed.error ?? 'empty'}`)
      return
    }
    const record = parsed.record
    if (this.#ended) {
      this.#break('a record after the end record')
      return
    }
    if (this.result.header === null && record.kind !== 'export') {
      this.#break('the file does not start with an export record')
      this.result.header = {
        kind: 'export',
        format: EXPORT_FORMAT,
        exportedAt: '',
        filter: { instanceId: null, from: 'unknown', to: 'unknown' },
        scope: 'all',
      }
    }
    switch (record.kind) {
      case 'export':
        return this.#onHeader(record)
      case 'head':
        return this.#onHead(record)
      case 'event':
        return this.#onEvent(record)
      case 'end':
        return this.#onEnd(record.events, record.instances)
    }
  }

  #onHeader(header: ExportHeader) {
    if (this.result.header !== null) return this.#break('a second export record')
    if (!EXPORT_FORMATS.includes(header.format))
      this.#break(
        `format is ${String(header.format)}, expected one of ${EXPORT_FORMATS.join(', ')}`,
      )
    this.result.header = header
    const f = header.filter ?? { instanceId: null, from: null, to: null }
    this.#chainsComplete = f.from === null && f.to === null
    this.result.complete = this.#chainsComplete && f.instanceId === null && header.scope === 'all'
  }

  #onHead(head: HeadRecord) {
    this.#finishInstance()
    if (
      typeof head.instanceId !== 'string' ||
      !Number.isSafeInteger(head.version) ||
      !isHex64(head.headHash)
    ) {
      this.#break('malformed head record')
      return
    }
    this.result.instances++
    if (this.#seen.has(head.instanceId)) this.#break('the instance appears twice', head.instanceId)
    this.#seen.add(head.instanceId)
    this.#start(head.instanceId, head)
  }

  #start(instanceId: string, head: HeadRecord | null) {
    const expected = (this.#expected.get(instanceId) ?? []).sort((a, b) => a.seq - b.seq)
    this.#expected.delete(instanceId)
    this.#current = {
      head,
      firstSeq: null,
      lastSeq: null,
      lastHash: ZERO_HASH,
      lastMachineVersion: null,
      expected,
    }
    this.#currentId = instanceId
  }

  #onEvent(e: EventRecord) {
    if (
      typeof e.instanceId !== 'string' ||
      !Number.isSafeInteger(e.seq) ||
      typeof e.prevHash !== 'string' ||
      typeof e.hash !== 'string' ||
      typeof e.actor !== 'object' ||
      e.actor === null
    ) {
      this.#break('malformed event record')
      return
    }
    this.result.events++
    if (!this.#current || this.#currentId !== e.instanceId) {
      this.#break('an event without its instance’s head record before it', e.instanceId, e.seq)
      this.#finishInstance()
      this.#start(e.instanceId, null)
    }
    const cur = this.#current as unknown as Current
    const where = [e.instanceId, e.seq] as const
    if (cur.lastSeq === null) {
      cur.firstSeq = e.seq
      if (e.seq === 1) {
        if (e.prevHash !== ZERO_HASH)
          this.#break('the first event’s prevHash is not the zero hash', ...where)
      } else if (this.#chainsComplete) {
        this.#break(`the chain starts at seq ${e.seq}: events 1–${e.seq - 1} are missing`, ...where)
      }
    } else {
      if (e.seq !== cur.lastSeq + 1) {
        this.#break(
          `seq ${cur.lastSeq + 1} expected, found ${e.seq} (events missing, swapped or reordered)`,
          ...where,
        )
      }
      if (e.prevHash !== cur.lastHash)
        this.#break('prevHash does not match the previous event’s hash', ...where)
    }
    if (e.unparseable && e.unparseable.length > 0) {
      this.#break(`stored ${e.unparseable.join(', ')} is not valid JSON (altered event)`, ...where)
    } else if (recomputeHash(e) !== e.hash) {
      this.#break('hash does not match the event’s fields (altered event)', ...where)
    }
    if (cur.head && e.seq > cur.head.version)
      this.#break(`beyond the head (version ${cur.head.version})`, ...where)
    for (const x of cur.expected) {
      if (x.seq !== e.seq) continue
      const summary = this.result.checkpoints[x.checkpoint] as CheckpointSummary
      if (x.hash === e.hash) summary.headsConfirmed++
      else {
        this.#break(
          `checkpoint ${summary.name} (at ${summary.at}) has hash ${x.hash.slice(0, 12)}… for this seq, the export ${e.hash.slice(0, 12)}…: the history was changed after that checkpoint`,
          ...where,
        )
      }
    }
    this.#checkMachineVersion(cur, e)
    this.#documents.note(e, (reason, id, seq) => this.#break(reason, id, seq))
    cur.lastSeq = e.seq
    cur.lastHash = e.hash
  }

  /**
   * An instance's machine version changes only by a `definitie.gemigreerd` event that says so,
   * and only forward; events of format 1 and 2 were applied under version 1.
   */
  #checkMachineVersion(cur: Current, e: EventRecord) {
    const version = e.format === 3 ? e.machineVersion : 1
    if (typeof version !== 'number') {
      this.#break('a format-3 event without its machine version', e.instanceId, e.seq)
      return
    }
    const previous = cur.lastMachineVersion
    cur.lastMachineVersion = version
    if (previous === null || previous === version) return
    const moved = e.payload as { from?: unknown; to?: unknown } | null
    const declared =
      e.type === 'definitie.gemigreerd' && moved?.from === previous && moved.to === version
    if (!declared || version < previous) {
      this.#break(
        `the machine version changes from ${previous} to ${version} without a definitie.gemigreerd that says so`,
        e.instanceId,
        e.seq,
      )
    }
  }

  #finishInstance() {
    const cur = this.#current
    if (!cur) return
    const id = this.#currentId
    this.#current = null
    this.#currentId = null
    const head = cur.head
    if (head) {
      const last = cur.lastSeq ?? 0
      const lastHash = cur.lastSeq === null ? ZERO_HASH : cur.lastHash
      const mismatch = last !== head.version || lastHash !== head.headHash
      if ((this.#chainsComplete || last === head.version) && mismatch) {
        this.#break(
          `head: the instance says version ${head.version} with hash ${head.headHash.slice(0, 12)}…, its events end at seq ${last} with hash ${lastHash.slice(0, 12)}…`,
          id,
          head.version,
          null,
        )
      }
      const runs = head.machineVersion
      const applied = cur.lastMachineVersion
      if (runs !== undefined && applied !== null && last === head.version && runs !== applied) {
        this.#break(
          `head: the instance says it runs machine version ${runs}, its last event was applied under version ${applied}`,
          id,
          head.version,
          null,
        )
      }
    }
    const filter = this.result.header?.filter
    const first = cur.firstSeq ?? Infinity
    const last = cur.lastSeq ?? 0
    for (const x of cur.expected) {
      const summary = this.result.checkpoints[x.checkpoint] as CheckpointSummary
      const seen = x.seq >= first && x.seq <= last
      if (seen) {
        // Seen with the right seq, or a gap: a gap is a break already; confirmations counted.
        continue
      }
      const afterEnd = x.seq > last
      const coveredByFilter = afterEnd ? filter?.to === null : filter?.from === null
      if (coveredByFilter) {
        this.#break(
          afterEnd
            ? `checkpoint ${summary.name} (at ${summary.at}) has this instance at seq ${x.seq}; the export ends at seq ${last}: events were removed after that checkpoint`
            : `checkpoint ${summary.name} (at ${summary.at}) has this instance at seq ${x.seq}, before the export’s first event`,
          id,
          x.seq,
          null,
        )
      } else summary.headsNotCovered++
    }
  }

  #onEnd(events: number, instances: number) {
    this.#finishInstance()
    this.#ended = true
    if (events !== this.result.events || instances !== this.result.instances) {
      this.#break(
        `the end record counts ${events} events in ${instances} instances; the file has ${this.result.events} in ${this.result.instances}`,
      )
    }
  }

  /** Checks the documents the events refer to against the files in `dir`. */
  async checkDocuments(dir: string): Promise<void> {
    await this.#documents.check(dir, (reason, id, seq) => this.#break(reason, id, seq, null))
  }

  finish(): VerifyExportResult {
    this.#finishInstance()
    this.result.documents = this.#documents.summary
    if (this.result.header === null) this.#break('the file is empty', null, null, null)
    else if (!this.#ended) this.#break('no end record: the file was cut short', null, null, null)
    for (const [instanceId, list] of this.#expected) {
      for (const x of list) {
        const summary = this.result.checkpoints[x.checkpoint] as CheckpointSummary
        if (this.result.complete) {
          this.#break(
            `checkpoint ${summary.name} (at ${summary.at}) has this instance at seq ${x.seq}; it is not in this complete export: it has vanished`,
            instanceId,
            x.seq,
            null,
          )
        } else summary.headsNotCovered++
      }
    }
    this.#expected.clear()
    this.result.ok = this.result.breakCount === 0
    return this.result
  }
}

/** Verifies an export given as records (see ndjsonRecords / csvExportRecords in read-export.ts). */
export async function verifyRecords(
  records: AsyncIterable<ParsedLine> | Iterable<ParsedLine>,
  options: VerifyExportOptions = {},
): Promise<VerifyExportResult> {
  const verifier = new ExportVerifier(options)
  for await (const parsed of records) verifier.push(parsed)
  if (options.documentsDir !== undefined) await verifier.checkDocuments(options.documentsDir)
  return verifier.finish()
}
