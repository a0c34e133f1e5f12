import { closeSync, openSync, writeSync } from 'node:fs'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseDatabaseUrl } from '../../db/create-db.ts'
import { ADMIN_SECRET, testApp } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import { runDoorlopend } from './process.ts'

describe('a SQLite file with a damaged page', () => {
  let db: TestDatabase
  let path: string

  beforeEach(async () => {
    db = await freshDatabase('sqlite')
    path = parseDatabaseUrl(db.url).target
    const { admin } = await testApp(db.store)
    const world = await buildWorld(admin)
    for (let n = 0; n < 50; n++) {
      await admin.post(`/api/v1/instances/${world.teamId}/events`, {
        type: 'relatie.vastleggen',
        payload: { text: `Relatie ${n}` },
      })
    }
  })
  afterEach(async () => {
    await db.cleanup()
  })

  /** Writes garbage over the first page of the events table, after the WAL is folded in. */
  async function damageEventsPage(): Promise<void> {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.store.db)
    const pageSize = (await sql<{ page_size: number }>`pragma page_size`.execute(db.store.db))
      .rows[0]!.page_size
    const root = (
      await sql<{
        rootpage: number
      }>`select rootpage from sqlite_master where name = 'events'`.execute(db.store.db)
    ).rows[0]!.rootpage
    await db.store.destroy()
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize)
    closeSync(fd)
    db.store = db.open()
  }

  it('is sound before it is damaged: doorlopend check says ok', async () => {
    await db.store.destroy()
    const check = runDoorlopend(['check'], { DATABASE_URL: db.url })
    expect(await check.exited).toBe(0)
    expect(check.stdout()).toMatch(/ok {4}integrity_check .*: geen fouten/)
    expect(check.stdout()).toMatch(/ok {4}migraties: (\d+) van \1 toegepast/)
    expect(check.stdout()).toMatch(/ok {4}duurzaamheid: journal_mode=wal/)
    db.store = db.open()
  })

  it('is refused at start with a clear message, and doorlopend check reports it', async () => {
    await damageEventsPage()
    await db.store.destroy()

    const serve = runDoorlopend(['serve'], {
      DATABASE_URL: db.url,
      PORT: '0',
      ADMIN_TOKEN: ADMIN_SECRET,
    })
    expect(await serve.exited).toBe(1)
    expect(serve.stderr()).toContain(
      `De SQLite-database ${path} is beschadigd; doorlopend start er niet op.`,
    )
    expect(serve.stderr()).toContain('doorlopend check')
    expect(serve.stdout()).not.toContain('luistert op')

    const check = runDoorlopend(['check'], { DATABASE_URL: db.url })
    expect(await check.exited).toBe(1)
    expect(check.stdout()).toContain(`database: sqlite ${path}`)
    expect(check.stdout()).toMatch(/FOUT {2}integrity_check .*: \S/)
    db.store = db.open()
  })

  it('doorlopend check on a file that does not exist says so and creates nothing', async () => {
    const missing = `${path}.weg`
    const check = runDoorlopend(['check'], { DATABASE_URL: `sqlite:${missing}` })
    expect(await check.exited).toBe(1)
    expect(check.stdout()).toContain('bestaat niet')
    const { existsSync } = await import('node:fs')
    expect(existsSync(missing)).toBe(false)
  })
})

describe.runIf(DATABASES.includes('postgres'))('doorlopend check on PostgreSQL', () => {
  it('checks the connection, the durability settings and the migrations', async () => {
    const db = await freshDatabase('postgres')
    try {
      const check = runDoorlopend(['check'], { DATABASE_URL: db.url })
      expect(await check.exited).toBe(0)
      expect(check.stdout()).toMatch(/ok {4}verbinding: PostgreSQL \d+/)
      expect(check.stdout()).toMatch(/ok {4}duurzaamheid: fsync=on/)
      expect(check.stdout()).toMatch(/ok {4}migraties: (\d+) van \1 toegepast/)
    } finally {
      await db.cleanup()
    }
  })

  it('fails when the migrations are not all applied', async () => {
    const db = await freshDatabase('postgres')
    try {
      await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(
        db.store.db,
      )
      const check = runDoorlopend(['check'], { DATABASE_URL: db.url })
      expect(await check.exited).toBe(1)
      expect(check.stdout()).toMatch(/FOUT {2}migraties: .* nog niet: /)
    } finally {
      await db.cleanup()
    }
  })
})
