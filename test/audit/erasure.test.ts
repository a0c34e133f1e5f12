import { existsSync, readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, tokenFor } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'

// Erasure (AVG/GDPR): after DELETE /people/:id the name and e-mail are nowhere: not in any row,
// not in the SQLite file or its WAL, not in any export; every chain still verifies and the
// person's transitions still load.

const NAME = 'Cor Leraar'
const EMAIL = 'cor@example.nl'

/** Every row of every table, as text: what the database holds, logically. */
async function everyRow(db: TestDatabase): Promise<string> {
  const tables =
    db.kind === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(
          db.store.db,
        )
      : await sql<{
          name: string
        }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(
          db.store.db,
        )
  const parts: string[] = []
  for (const { name } of tables.rows) {
    const rows = await sql`SELECT * FROM ${sql.table(name)}`.execute(db.store.db)
    parts.push(JSON.stringify(rows.rows))
  }
  return parts.join('\n')
}

/** The bytes of the SQLite database file and its WAL and shared-memory files. */
function sqliteFiles(db: TestDatabase): Buffer {
  const path = db.url.slice('sqlite:'.length)
  return Buffer.concat(
    [path, `${path}-wal`, `${path}-shm`].filter(existsSync).map((f) => readFileSync(f)),
  )
}

/** PostgreSQL's files of the people and tokens tables, when this process may read them. */
async function postgresFiles(db: TestDatabase): Promise<Buffer | undefined> {
  try {
    await sql`CHECKPOINT`.execute(db.store.db)
    const dir = (
      await sql<{ setting: string }>`SELECT current_setting('data_directory') AS setting`.execute(
        db.store.db,
      )
    ).rows[0]?.setting
    const files = await sql<{
      path: string
    }>`SELECT pg_relation_filepath(t) AS path FROM unnest(ARRAY['people', 'tokens']) AS t`.execute(
      db.store.db,
    )
    return Buffer.concat(files.rows.map((f) => readFileSync(`${dir}/${f.path}`)))
  } catch {
    return undefined
  }
}

describe.each(DATABASES)('erasing a person (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: World
  let teacher: Client
  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
    // Their token is named after them, as people do; they read their own transition.
    teacher = admin.as(
      await tokenFor(db.store, { name: NAME, role: 'teacher', personId: world.teacherA }),
    )
    expect((await teacher.get(`/api/v1/people/${world.teacherA}`)).body.name).toBe(NAME)
    await admin.post(`/api/v1/instances/${world.teamId}/events`, {
      type: 'lid.toevoegen',
      payload: { personId: world.teacherA, role: 'leraar', organisationId: world.orgA },
    })
    await admin.post(`/api/v1/instances/${world.transitionInstanceId}/events`, {
      type: 'behandeling.starten',
    })
  })
  afterAll(async () => {
    await db.cleanup()
  })

  it('is for admins only', async () => {
    // HR of the teacher’s own organisation may read the person, not erase them.
    const hr = admin.as(world.hrToken)
    expect((await hr.delete(`/api/v1/people/${world.teacherA}`)).status).toBe(403)
    expect((await admin.delete('/api/v1/people/pers_onbekend')).status).toBe(404)
  })

  it('leaves the name and e-mail nowhere, while every chain verifies and the history loads', async () => {
    expect(await everyRow(db)).toContain(NAME)
    if (kind === 'sqlite') expect(sqliteFiles(db).includes(NAME)).toBe(true)

    const res = await admin.delete(`/api/v1/people/${world.teacherA}`)
    expect(res.status).toBe(204)

    const rows = await everyRow(db)
    expect(rows).not.toContain(NAME)
    expect(rows).not.toContain(EMAIL)
    if (kind === 'sqlite') {
      const bytes = sqliteFiles(db)
      expect(bytes.includes(NAME), 'name in the SQLite file or WAL').toBe(false)
      expect(bytes.includes(EMAIL), 'e-mail in the SQLite file or WAL').toBe(false)
    } else {
      const bytes = await postgresFiles(db)
      if (bytes) {
        expect(bytes.includes(NAME), 'name in the table files').toBe(false)
        expect(bytes.includes(EMAIL), 'e-mail in the table files').toBe(false)
      } else
        console.log(
          '[erasure] PostgreSQL data directory not readable here: table files not searched',
        )
    }
    for (const format of ['ndjson', 'csv']) {
      const exported = (await admin.get(`/api/v1/audit/export?format=${format}`)).body as string
      expect(exported).toContain(world.teacherA)
      expect(exported).not.toContain(NAME)
      expect(exported).not.toContain(EMAIL)
    }

    expect((await admin.get('/api/v1/audit/verify')).body).toMatchObject({ ok: true, breaks: [] })
    const person = await admin.get(`/api/v1/people/${world.teacherA}`)
    expect(person.body).toEqual({
      id: world.teacherA,
      name: null,
      email: null,
      organisationId: world.orgA,
      affiliations: [{ organisationId: world.orgA, functionTitle: null }],
    })
    const transitions = (await admin.get('/api/v1/transitions')).body.items
    expect(
      transitions.find((t: { personId: string }) => t.personId === world.teacherA)?.instanceId,
    ).toBe(world.transitionInstanceId)
    expect(
      (await admin.get(`/api/v1/instances/${world.transitionInstanceId}`)).body.state,
    ).toMatchObject({ lopend: {} })
    const events = (await admin.get(`/api/v1/instances/${world.transitionInstanceId}/events`)).body
      .items
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'aangemaakt',
      'behandeling.starten',
    ])
    expect(
      (await admin.get(`/api/v1/instances/${world.teamId}`)).body.context.members,
    ).toContainEqual(expect.objectContaining({ personId: world.teacherA }))
  })

  it('is recorded on the beheer chain with the id only, and ends the person’s tokens', async () => {
    const beheer = (await admin.get('/api/v1/instances/beheer/events?limit=500')).body.items
    const erased = beheer.filter((e: { type: string }) => e.type === 'persoon.gewist')
    expect(erased.map((e: { payload: unknown }) => e.payload)).toEqual([
      { personId: world.teacherA },
    ])
    expect((await teacher.get(`/api/v1/people/${world.teacherA}`)).status).toBe(401)
  })

  it('a second erasure changes nothing', async () => {
    expect((await admin.delete(`/api/v1/people/${world.teacherA}`)).status).toBe(204)
    const beheer = (await admin.get('/api/v1/instances/beheer/events?limit=500')).body.items
    expect(beheer.filter((e: { type: string }) => e.type === 'persoon.gewist')).toHaveLength(1)
  })
})
