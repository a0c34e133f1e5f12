import type { DatabaseKind } from '../support/db.ts'

/** An error as the storage raises it when the disk or the connection fails. */
export function storageFault(kind: DatabaseKind): Error {
  return kind === 'sqlite'
    ? Object.assign(new Error('disk I/O error (injected)'), {
        name: 'SqliteError',
        code: 'SQLITE_IOERR',
      })
    : Object.assign(new Error('connection failure (injected)'), { code: '08006' })
}
