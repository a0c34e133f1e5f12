import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { looseFileMode, openSqliteConnection } from '../db/create-db.ts'

// The SQLite file holds the signing key, token digests and personal data: a new one, its WAL
// and the folder made for it are the owner's only, whatever the umask lets others have.

const modeOf = (path: string) => statSync(path).mode & 0o777

describe.skipIf(process.platform === 'win32')('the SQLite database file', () => {
  let dir: string
  let umask: number
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'doorlopend-mode-'))
    // The usual umask: without care, files would be 0644 and folders 0755.
    umask = process.umask(0o022)
  })
  afterAll(() => {
    process.umask(umask)
    rmSync(dir, { recursive: true, force: true })
  })
  const open: ReturnType<typeof openSqliteConnection>[] = []
  afterEach(() => {
    for (const sqlite of open.splice(0)) sqlite.close()
  })

  it('is created 0600, with its -wal and -shm, in a new folder 0700', () => {
    const folder = join(dir, 'data', 'nieuw')
    const path = join(folder, 'doorlopend.sqlite')
    const sqlite = openSqliteConnection(path)
    open.push(sqlite)
    sqlite.exec('create table t (x text)')
    sqlite.prepare('insert into t values (?)').run('geheim')
    expect(modeOf(path).toString(8)).toBe('600')
    expect(modeOf(`${path}-wal`).toString(8)).toBe('600')
    expect(modeOf(`${path}-shm`).toString(8)).toBe('600')
    expect(modeOf(folder).toString(8)).toBe('700')
    expect(modeOf(join(dir, 'data')).toString(8)).toBe('700')
    expect(looseFileMode(path)).toBeUndefined()
  })

  it('leaves an existing file’s mode as it is, and looseFileMode warns about it in Dutch', () => {
    const path = join(dir, 'bestaand.sqlite')
    writeFileSync(path, '')
    chmodSync(path, 0o644)
    const sqlite = openSqliteConnection(path)
    open.push(sqlite)
    sqlite.exec('create table t (x text)')
    expect(modeOf(path).toString(8)).toBe('644')
    const warning = looseFileMode(path)
    expect(warning).toContain(`${path} (644)`)
    expect(warning).toContain(`${path}-wal (644)`)
    expect(warning).toContain('ondertekeningssleutel')
    expect(warning).toContain(`chmod 600 ${path} ${path}-wal`)
    for (const file of [path, `${path}-wal`, `${path}-shm`]) chmodSync(file, 0o600)
    expect(looseFileMode(path)).toBeUndefined()
  })

  it('has nothing to say about a file that does not exist, or an in-memory database', () => {
    expect(looseFileMode(join(dir, 'nergens.sqlite'))).toBeUndefined()
    expect(looseFileMode(':memory:')).toBeUndefined()
  })
})
