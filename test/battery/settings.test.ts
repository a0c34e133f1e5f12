import { describe, expect, it } from 'vitest'
import { createDb, durabilityProblems, durabilitySettings } from '../../db/create-db.ts'
import { ADMIN_SECRET } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import { startServerProcess } from '../support/server-process.ts'

describe('durability settings', () => {
  it('reports synchronous=FULL and WAL on SQLite after reopening', async () => {
    const db = await freshDatabase('sqlite')
    try {
      await db.store.destroy()
      db.store = db.open()
      expect(await durabilitySettings(db.store)).toEqual({
        journal_mode: 'wal',
        synchronous: 'full',
      })
    } finally {
      await db.cleanup()
    }
  })

  it('names every PostgreSQL setting that is off and would lose acknowledged commits', () => {
    const on = { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' }
    expect(durabilityProblems(on)).toEqual([])
    expect(durabilityProblems({ ...on, synchronous_commit: 'remote_write' })).toEqual([])
    for (const name of ['fsync', 'synchronous_commit', 'full_page_writes']) {
      const problems = durabilityProblems({ ...on, [name]: 'off' })
      expect(problems).toHaveLength(1)
      expect(problems[0]).toContain(name)
    }
  })

  it.runIf(DATABASES.includes('postgres'))(
    'reads fsync, synchronous_commit and full_page_writes as on from the test PostgreSQL',
    async () => {
      const db = await freshDatabase('postgres')
      try {
        const settings = await durabilitySettings(db.store)
        expect(durabilityProblems(settings)).toEqual([])
        expect(Object.keys(settings).sort()).toEqual([
          'fsync',
          'full_page_writes',
          'synchronous_commit',
        ])
      } finally {
        await db.cleanup()
      }
    },
  )

  it.runIf(DATABASES.includes('postgres'))(
    'refuses to start the server on PostgreSQL with synchronous_commit off',
    async () => {
      const db = await freshDatabase('postgres')
      try {
        const url = new URL(db.url)
        const options = url.searchParams.get('options') ?? ''
        url.searchParams.set('options', `${options} -c synchronous_commit=off`.trim())
        const unsafe = createDb(url.toString())
        expect((await durabilitySettings(unsafe)).synchronous_commit).toBe('off')
        await unsafe.destroy()
        await expect(
          startServerProcess({ DATABASE_URL: url.toString(), ADMIN_TOKEN: ADMIN_SECRET }),
        ).rejects.toThrow(/Refusing to start: PostgreSQL synchronous_commit is off/)
      } finally {
        await db.cleanup()
      }
    },
  )
})
