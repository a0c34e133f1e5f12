import type { Db, DocumentRow } from '../database.ts'

/** A document as the query functions return it: the bytes and what they were recognised as. */
export type StoredDocument = Pick<DocumentRow, 'sha256' | 'media_type' | 'size' | 'content'>

/**
 * Stores a document's bytes (once per hash: the same bytes sent again change nothing) and that
 * `instanceId` refers to it. Call it in the transaction of the event that brings the document.
 */
export async function storeInstanceDocument(
  db: Db,
  instanceId: string,
  document: StoredDocument,
  at: string,
): Promise<void> {
  await db
    .insertInto('documents')
    .values({ ...document, created_at: at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute()
  await db
    .insertInto('instance_documents')
    .values({ instance_id: instanceId, sha256: document.sha256, created_at: at })
    .onConflict((oc) => oc.columns(['instance_id', 'sha256']).doNothing())
    .execute()
}

/** The document with this hash, only when an event of `instanceId` refers to it. */
export async function getInstanceDocument(
  db: Db,
  instanceId: string,
  sha256: string,
): Promise<StoredDocument | undefined> {
  return db
    .selectFrom('documents')
    .innerJoin('instance_documents', 'instance_documents.sha256', 'documents.sha256')
    .select([
      'documents.sha256 as sha256',
      'documents.media_type as media_type',
      'documents.size as size',
      'documents.content as content',
    ])
    .where('instance_documents.instance_id', '=', instanceId)
    .where('documents.sha256', '=', sha256)
    .executeTakeFirst()
}

/** The document with this hash, whoever refers to it (the export's own reads). */
export async function getDocument(db: Db, sha256: string): Promise<StoredDocument | undefined> {
  return db
    .selectFrom('documents')
    .select(['sha256', 'media_type', 'size', 'content'])
    .where('sha256', '=', sha256)
    .executeTakeFirst()
}
