import { getInstanceDocument } from '../../../db/queries/documents.ts'
import { getPeople } from '../../../db/queries/people.ts'
import type { Principal } from '../../access/principal.ts'
import { logPersonalDataRead } from '../../audit/access-log.service.ts'
import { notFound } from '../../errors.ts'
import { loadVisibleInstance } from '../read-instances.ts'
import { peopleOf } from '../scope.ts'
import { snapshotOf } from '../snapshot.ts'
import type { Store } from '../store.ts'
import { extensionOf } from './document-sniff.ts'

/** A document as it is downloaded. */
export interface DocumentDownload {
  sha256: string
  mediaType: string
  size: number
  bytes: Uint8Array
  /** A file name made of the hash and the recognised type: the sender's name is never kept. */
  filename: string
}

const SHA256 = /^[0-9a-f]{64}$/

/**
 * A document attached to an event of an instance, to a caller who may read that instance: 404
 * when the caller may not, when no event of the instance refers to the hash, or when `machineId`
 * is given and the instance runs another machine. A document may name the people of the instance
 * (an evaluation report does), so each download is written to the access log for each of them,
 * with the instance and the hash in `route`.
 */
export async function readDocument(
  store: Store,
  principal: Principal,
  instanceId: string,
  sha256: string,
  options: { route: string; machineId?: string },
): Promise<DocumentDownload> {
  const instance = await loadVisibleInstance(store, principal, instanceId)
  if (options.machineId && instance.machine_id !== options.machineId) {
    throw notFound('Proces', instanceId)
  }
  const hash = sha256.toLowerCase()
  const missing = notFound('Document', sha256)
  if (!SHA256.test(hash)) throw missing
  const document = await getInstanceDocument(store.db, instanceId, hash)
  if (!document) throw missing
  const people = await getPeople(store.db, peopleOf(instance.machine_id, snapshotOf(instance)))
  await logPersonalDataRead(
    store,
    principal,
    people.map((p) => ({ id: p.id, organisationId: p.organisation_id })),
    options.route,
  )
  return {
    sha256: document.sha256,
    mediaType: document.media_type,
    size: document.size,
    bytes: document.content,
    filename: `document-${document.sha256.slice(0, 12)}.${extensionOf(document.media_type)}`,
  }
}
