import { openSqliteConnection } from '../../db/create-db.ts'

export interface RawResult {
  seconds: number
  commits: number
  commitsPerSec: number
}

/**
 * What SQLite does alone: one event insert and one instance update per transaction, committed
 * one at a time with the engine's settings (WAL, synchronous=FULL), rows the size of the engine's.
 */
export function rawStorage(path: string, instanceId: string, seconds: number): RawResult {
  const db = openSqliteConnection(path)
  try {
    const instance = db.prepare('select * from instances where id = ?').get(instanceId) as {
      version: number
      snapshot: string
    }
    const sample = db
      .prepare('select * from events where instance_id = ? order by seq desc limit 1')
      .get(instanceId) as { payload: string; state_before: string | null; state_after: string }
    const insert = db.prepare(
      `insert into events (instance_id, seq, type, payload, reason, actor_token_id, actor_role,
         recorded_at, effective_date, state_before, state_after, prev_hash, hash)
       values (?, ?, 'relatie.vastleggen', ?, null, 'bench', 'admin', ?, null, ?, ?, ?, ?)`,
    )
    const advance = db.prepare(
      'update instances set snapshot = ?, version = ?, head_hash = ?, updated_at = ? where id = ? and version = ?',
    )
    const begin = db.prepare('begin immediate')
    const commit = db.prepare('commit')
    const hash = (n: number) => n.toString(16).padStart(64, '0')
    let version = instance.version
    const until = performance.now() + seconds * 1000
    const began = performance.now()
    let commits = 0
    while (performance.now() < until) {
      const now = new Date().toISOString()
      begin.run()
      insert.run(
        instanceId,
        version + 1,
        sample.payload,
        now,
        sample.state_before,
        sample.state_after,
        hash(version),
        hash(version + 1),
      )
      advance.run(instance.snapshot, version + 1, hash(version + 1), now, instanceId, version)
      commit.run()
      version++
      commits++
    }
    const elapsed = (performance.now() - began) / 1000
    return { seconds: elapsed, commits, commitsPerSec: commits / elapsed }
  } finally {
    db.close()
  }
}
