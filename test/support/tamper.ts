import { sql } from 'kysely'
import type { TestDatabase } from './db.ts'

const TRIGGERS_SQLITE = [
  `CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END`,
  `CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END`,
]

/** Runs statements with the append-only triggers out of the way, as an attacker with file access would. */
export async function tamper(db: TestDatabase, ...statements: string[]): Promise<void> {
  const run = (s: string) => sql.raw(s).execute(db.store.db)
  if (db.kind === 'postgres') {
    await run('ALTER TABLE events DISABLE TRIGGER USER')
    for (const s of statements) await run(s)
    await run('ALTER TABLE events ENABLE TRIGGER USER')
    return
  }
  await run('DROP TRIGGER events_no_update')
  await run('DROP TRIGGER events_no_delete')
  try {
    for (const s of statements) await run(s)
  } finally {
    for (const t of TRIGGERS_SQLITE) await run(t)
  }
}
