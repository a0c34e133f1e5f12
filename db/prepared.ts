import type { Compilable, CompiledQuery, QueryResult } from 'kysely'
import type { Db } from './database.ts'

/** Stands for argument `i` (or one field of it) while a prepared query is built. */
const MARK = '\u0000doorlopend-argument:'

/** Where a compiled parameter comes from: an argument, a field of one, or a fixed value. */
type Slot = { arg: number; field: string | null } | { value: unknown }

interface Compiled {
  query: CompiledQuery
  slots: Slot[]
}

/**
 * A query that Kysely builds and compiles once per database and argument shape, then only runs
 * with new parameters: on the write path, building and compiling cost more than SQLite takes to
 * run the statement. `build` gets placeholders for its arguments (for a plain-object argument,
 * one per field) and must hand them to Kysely as values, untouched: only scalars and objects of
 * scalars can be prepared arguments, never arrays. Statements still pass through the driver (and
 * any query hook) as usual.
 */
export function prepared<A extends unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<QueryResult<R>> {
  // Keyed by the dialect adapter: one per database handle, shared by its transactions.
  const cache = new WeakMap<object, Map<string, Compiled>>()
  return (db, ...args) => {
    const adapter = db.getExecutor().adapter
    let byShape = cache.get(adapter)
    if (!byShape) cache.set(adapter, (byShape = new Map()))
    const shape = shapeOf(args)
    let compiled = byShape.get(shape)
    if (!compiled) byShape.set(shape, (compiled = compile(build, db, args)))
    const parameters = compiled.slots.map((slot) => {
      if ('value' in slot) return slot.value
      const arg = args[slot.arg]
      return slot.field === null ? arg : (arg as Record<string, unknown>)[slot.field]
    })
    return db.executeQuery<R>({ ...compiled.query, parameters })
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function shapeOf(args: readonly unknown[]): string {
  let shape = ''
  for (const arg of args) shape += (isRecord(arg) ? Object.keys(arg).join(',') : '') + '|'
  return shape
}

function compile<A extends unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
  db: Db,
  args: A,
): Compiled {
  const marks = args.map((arg, i) => {
    if (Array.isArray(arg)) throw new Error('prepared: arrays cannot be prepared arguments')
    if (!isRecord(arg)) return `${MARK}${i}`
    return Object.fromEntries(Object.keys(arg).map((field) => [field, `${MARK}${i}.${field}`]))
  }) as unknown as A
  const query = build(db, ...marks).compile()
  const slots = query.parameters.map((parameter): Slot => {
    if (typeof parameter !== 'string' || !parameter.startsWith(MARK)) return { value: parameter }
    const [arg, field] = parameter.slice(MARK.length).split('.') as [string, string | undefined]
    return { arg: Number(arg), field: field ?? null }
  })
  return { query, slots }
}
