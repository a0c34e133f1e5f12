import type { Db, Instance } from '../database.ts'
import type { InstanceFacts } from '../facts-tables.ts'
import { emptyScope, factsWhere, reachCheck, type FactsFilter } from './facts-filter.ts'

/** The columns a list sorts by, as the API names them. */
export const SORT_COLUMNS = {
  titel: 'title_key',
  begonnen: 'started_on',
  laatst: 'last_on',
  fase: 'phase',
  status: 'status',
  proces: 'machine_id',
} as const satisfies Record<string, keyof InstanceFacts>
export type SortKey = keyof typeof SORT_COLUMNS

export interface ListSort {
  key: SortKey | null
  desc: boolean
}

/** Where the previous page ended: the sort value of its last row and that row's id. */
export interface Keyset {
  value: string | null
  id: string
}

export type ListedRow = Instance & { facts: InstanceFacts }

/**
 * One page of instances with their facts, in the order asked (ties and no order: by id), from
 * after `keyset`. Reads `limit` rows at most.
 */
export async function listInstanceFacts(
  db: Db,
  filter: FactsFilter,
  sort: ListSort,
  page: { limit: number; after: Keyset | null },
): Promise<ListedRow[]> {
  if (emptyScope(filter)) return []
  const column = sort.key ? (`f.${SORT_COLUMNS[sort.key]}` as const) : null
  const direction = sort.desc ? 'desc' : 'asc'
  const compare = sort.desc ? '<' : '>'
  let query = db
    .selectFrom('instance_facts as f')
    .selectAll('f')
    .where((eb) => factsWhere(eb, filter, reachCheck(db)))
  const after = page.after
  if (after) {
    query = query.where((eb) =>
      column
        ? eb.or([
            eb(column, compare, after.value),
            eb.and([eb(column, '=', after.value), eb('f.instance_id', compare, after.id)]),
          ])
        : eb('f.instance_id', '>', after.id),
    )
  }
  if (column) query = query.orderBy(column, direction)
  const facts = await query
    .orderBy('f.instance_id', column ? direction : 'asc')
    .limit(page.limit)
    .execute()
  if (facts.length === 0) return []
  const instances = await db
    .selectFrom('instances')
    .selectAll()
    .where(
      'id',
      'in',
      facts.map((f) => f.instance_id),
    )
    .execute()
  const byId = new Map(instances.map((i) => [i.id, i]))
  return facts.flatMap((f) => {
    const instance = byId.get(f.instance_id)
    return instance ? [{ ...instance, facts: f }] : []
  })
}
