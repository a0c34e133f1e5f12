import type BetterSqlite3 from 'better-sqlite3'
import { CompiledQuery, SqliteDialect, SqliteDriver } from 'kysely'
import type {
  DatabaseConnection,
  Driver,
  Dialect as KyselyDialect,
  Kysely,
  SqliteDialectConfig,
  TransactionSettings,
} from 'kysely'

/**
 * SQLite writers must take the write lock at BEGIN: a deferred transaction that reads and then
 * writes can fail with SQLITE_BUSY instead of waiting on busy_timeout.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

/** Kysely's SQLite dialect, beginning every transaction with BEGIN IMMEDIATE. */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

/**
 * Kysely prepares every statement anew; better-sqlite3 statements are reusable, so keep the
 * prepared ones. The set of distinct SQL texts is small and fixed by the code.
 */
export function withStatementCache(db: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>()
  const prepare = db.prepare.bind(db)
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (source: string) => {
          let statement = cache.get(source)
          if (!statement) {
            statement = prepare(source)
            if (cache.size < 500) cache.set(source, statement)
          }
          return statement
        }
      }
      const value: unknown = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** Called with every statement (BEGIN and COMMIT included) and its parameters before it runs. */
export type QueryHook = (sql: string, parameters: readonly unknown[]) => void

/**
 * Wraps a dialect so that `hook` sees every statement first; a hook that throws fails that
 * statement as the database would. For fault-injection tests, on SQLite and PostgreSQL alike.
 */
export class HookedDialect implements KyselyDialect {
  constructor(
    readonly inner: KyselyDialect,
    readonly hook: QueryHook,
  ) {}
  createAdapter() {
    return this.inner.createAdapter()
  }
  createQueryCompiler() {
    return this.inner.createQueryCompiler()
  }
  createIntrospector(db: Kysely<never>) {
    return this.inner.createIntrospector(db)
  }
  createDriver(): Driver {
    return new HookedDriver(this.inner.createDriver(), this.hook)
  }
}

class HookedDriver implements Driver {
  readonly #real = new WeakMap<DatabaseConnection, DatabaseConnection>()
  constructor(
    readonly inner: Driver,
    readonly hook: QueryHook,
  ) {}
  init() {
    return this.inner.init()
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const real = await this.inner.acquireConnection()
    const hook = this.hook
    const hooked: DatabaseConnection = {
      async executeQuery<R>(query: CompiledQuery) {
        hook(query.sql, query.parameters)
        return real.executeQuery<R>(query)
      },
      streamQuery<R>(query: CompiledQuery, chunkSize?: number) {
        hook(query.sql, query.parameters)
        return real.streamQuery<R>(query, chunkSize)
      },
    }
    this.#real.set(hooked, real)
    return hooked
  }
  // BEGIN, COMMIT and ROLLBACK are sent through the hooked connection, so the hook sees them.
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings)
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection)
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection)
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(this.#real.get(connection) ?? connection)
  }
  destroy() {
    return this.inner.destroy()
  }
}
