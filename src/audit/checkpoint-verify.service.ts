import { getEventAt } from '../../db/queries/audit-checkpoint.ts'
import { getInstance } from '../../db/queries/instances.ts'
import { authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { verifyForPrincipal } from '../engine/audit.service.ts'
import { loadVisibleInstance } from '../engine/read-instances.ts'
import type { Store } from '../engine/store.ts'
import type { ChainBreak, VerifyReport } from '../engine/verify.ts'
import { ProblemError } from '../errors.ts'
import { checkCheckpoint } from '../verifier/checkpoint-check.ts'
import type { Checkpoint } from '../verifier/checkpoint-format.ts'
import { Slices } from '../workers/slices.ts'
import type { SigningKey } from './signing-key.ts'

export interface CheckpointReport extends VerifyReport {
  checkpoint: { at: string; heads: number; confirmed: number; outOfScope: number }
}

/**
 * GET /audit/verify, and on top: does the stored history still extend `data`, a checkpoint this
 * server signed earlier? Catches what the chains alone cannot: newest events removed together
 * with the head, or a chain rewritten with fresh hashes.
 */
export async function verifyAgainstCheckpoint(
  store: Store,
  principal: Principal,
  data: unknown,
  key: SigningKey,
): Promise<CheckpointReport> {
  const rule = authorizeRole(principal, 'audit.read')
  const problems = checkCheckpoint(data, key.publicKey)
  if (problems.length > 0) {
    throw new ProblemError(
      422,
      'bad-checkpoint',
      'Not a checkpoint of this server',
      `Dit checkpoint is niet (ongewijzigd) door deze server ondertekend: ${problems.join('; ')}.`,
      { problems },
    )
  }
  const checkpoint = data as Checkpoint
  const report = await verifyForPrincipal(store, principal)
  const everything = rule === 'all' || principal.organisationIds === null
  let confirmed = 0
  let outOfScope = 0
  const breaks: ChainBreak[] = []
  const slices = new Slices()
  for (const head of checkpoint.heads) {
    await slices.pause()
    const at = `checkpoint of ${checkpoint.at}`
    if (!everything) {
      try {
        await loadVisibleInstance(store, principal, head.instanceId)
      } catch {
        outOfScope++
        continue
      }
    }
    const instance = await getInstance(store.db, head.instanceId)
    const event = instance ? await getEventAt(store.db, head.instanceId, head.seq) : undefined
    const broken = (reason: string) =>
      breaks.push({ instanceId: head.instanceId, seq: head.seq, reason })
    if (!instance) broken(`${at}: the instance has vanished`)
    else if (instance.version < head.seq) {
      broken(
        `${at}: seq ${head.seq}, the stored history ends at seq ${instance.version} (events removed)`,
      )
    } else if (!event) broken(`${at}: seq ${head.seq} is missing`)
    else if (event.hash !== head.hash)
      broken(`${at}: seq ${head.seq} has another hash (history rewritten)`)
    else confirmed++
  }
  report.breaks.push(...breaks)
  report.ok = report.breaks.length === 0
  return {
    ...report,
    checkpoint: { at: checkpoint.at, heads: checkpoint.heads.length, confirmed, outOfScope },
  }
}
