import type { DbHandle } from '../../db/create-db.ts'
import { insertAuditRun } from '../../db/queries/audit-runs.ts'
import { listInstances } from '../../db/queries/instances.ts'
import { machines } from '../../machines/index.ts'
import { authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { runOffThread } from '../workers/pool.ts'
import { BEHEER_MACHINE } from './beheer.ts'
import { newId } from './ids.ts'
import { listScope } from './paging.ts'
import { loadVisibleInstance } from './read-instances.ts'
import { verifyChains } from './verify.ts'
import type { VerifyReport } from './verify.ts'

/**
 * Verifies one instance's chain here, or every chain in the auditor's scope in a worker thread
 * (hashing a whole store takes seconds of CPU).
 */
export async function verifyForPrincipal(
  store: DbHandle,
  principal: Principal,
  instanceId?: string | undefined,
): Promise<VerifyReport> {
  const rule = authorizeRole(principal, 'audit.read')
  if (instanceId) {
    await loadVisibleInstance(store, principal, instanceId)
    return verifyChains(store, [instanceId])
  }
  const scope = listScope(principal, rule)
  if (scope.scopeOrganisationIds === null && scope.scopePersonId === null) {
    return recorded(
      store,
      principal,
      await runOffThread(store, 'verify', {}, () => verifyChains(store)),
    )
  }
  const ids: string[] = []
  let after: string | undefined
  for (;;) {
    const rows = await listInstances(
      store.db,
      { machineIds: [...Object.keys(machines), BEHEER_MACHINE], ...scope },
      { limit: 1000, after },
    )
    ids.push(...rows.map((r) => r.id))
    if (rows.length < 1000) break
    after = rows[rows.length - 1]?.id
  }
  const report = await runOffThread(store, 'verify', { instanceIds: ids }, () =>
    verifyChains(store, ids),
  )
  return recorded(store, principal, report)
}

/** Keeps when a whole verification ran and what it found, for the auditor's "te doen". */
async function recorded(
  store: DbHandle,
  principal: Principal,
  report: VerifyReport,
): Promise<VerifyReport> {
  await insertAuditRun(store.db, {
    id: newId('run'),
    kind: 'verify',
    at: new Date().toISOString(),
    token_id: principal.tokenId,
    instances: report.instances,
    events: report.events,
    breaks: report.breaks.length,
  })
  return report
}
