import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { getInstance } from '../../db/queries/instances.ts'
import { machines } from '../../machines/index.ts'
import { stateAt } from '../../src/audit/time-travel.service.ts'
import { postEvent } from '../../src/engine/post-event.ts'
import { parseSnapshot } from '../../src/engine/snapshot.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { generatedPaths } from './paths.ts'
import { ADMIN, actorFor, startSample } from './support.ts'

// Time travel replays the history up to a moment. For every generated path of both machines, the
// state at the instant each event was recorded must equal the snapshot the engine stored then.

const T0 = Date.parse('2025-01-01T09:00:00.000Z')

describe.each(DATABASES)('time travel (%s)', (kind) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await freshDatabase(kind)
  })
  afterAll(async () => {
    await db.cleanup()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  for (const def of Object.values(machines)) {
    it(`${def.id}: the state at every recorded moment equals the snapshot stored at that seq`, async () => {
      // Only Date is faked: each event gets its own second, so every seq has its own moment.
      vi.useFakeTimers({ toFake: ['Date'] })
      let clock = T0
      const tick = () => {
        clock += 1000
        vi.setSystemTime(clock)
        return new Date(clock).toISOString()
      }
      const paths = generatedPaths(def, new Date(T0).toISOString())
      expect(paths.length).toBeGreaterThan(10)
      let checked = 0
      for (const path of paths) {
        const recorded: { at: string; snapshot: unknown; status: string; version: number }[] = []
        const remember = async (id: string, at: string) => {
          const row = await getInstance(db.store.db, id)
          if (!row) throw new Error('instance vanished')
          const snapshot = parseSnapshot(row.snapshot)
          recorded.push({ at, snapshot, status: row.status, version: row.version })
        }
        const createdAt = tick()
        const id = await startSample(db.store, def)
        await remember(id, createdAt)
        for (const event of path) {
          const at = tick()
          await postEvent(db.store, actorFor(def, event.type), id, {
            type: event.type,
            payload: event.payload,
            reason: event.reason ?? undefined,
          })
          await remember(id, at)
        }
        vi.useRealTimers()
        for (const [i, then] of recorded.entries()) {
          const past = await stateAt(db.store, ADMIN, id, { at: then.at })
          expect(past.version).toBe(i + 1)
          expect({ value: past.state, context: past.context }).toEqual(then.snapshot)
          expect(past.status).toBe(then.status)
          expect(past.version).toBe(then.version)
          // Between two events the earlier one still holds.
          const between = new Date(Date.parse(then.at) + 500).toISOString()
          expect((await stateAt(db.store, ADMIN, id, { at: between })).version).toBe(then.version)
          checked++
        }
        await expect(
          stateAt(db.store, ADMIN, id, { at: new Date(T0).toISOString() }),
        ).rejects.toMatchObject({ status: 404, slug: 'not-yet' })
        vi.useFakeTimers({ toFake: ['Date'] })
        vi.setSystemTime(clock)
      }
      expect(checked).toBe(paths.reduce((n, p) => n + p.length + 1, 0))
    }, 600_000)
  }
})
