import { generateKeyPairSync } from 'node:crypto'
import type { Kysely } from 'kysely'

// Frozen once shipped: never edit; add a new migration.

/** The meta key under which the checkpoint signing key (PKCS#8 PEM) is kept with the data. */
const SIGNING_KEY = 'audit.signing-key'

export async function up(db: Kysely<any>): Promise<void> {
  // Reads of personal data: who (token), when, whom (person), where (route). Off the hash chains:
  // it records reads, not changes, and chaining it would make every read wait for one head.
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('token_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('route', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('access_log_person')
    .on('access_log')
    .columns(['person_id', 'id'])
    .execute()
  await db.schema
    .createIndex('access_log_organisation')
    .on('access_log')
    .columns(['organisation_id', 'id'])
    .execute()

  // The checkpoint signing key is created with the schema, on first start; DOORLOPEND_SIGNING_KEY
  // replaces it. Ed25519, so a checkpoint signature is small and quick to check offline.
  const { privateKey } = generateKeyPairSync('ed25519')
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  await db
    .insertInto('meta')
    .values({ key: SIGNING_KEY, value: pem })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('access_log').execute()
}
