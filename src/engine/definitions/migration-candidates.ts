import type { Db } from '../../../db/database.ts'

const PAGE = 500

/** Every instance of a machine, by id, a page at a time: memory stays flat on a large store. */
export async function* candidatesFor(db: Db, machineId: string) {
  for (let after = ''; ;) {
    const page = await db
      .selectFrom('instances')
      .select(['id', 'title', 'machine_id', 'machine_version', 'snapshot'])
      .where('machine_id', '=', machineId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute()
    yield* page
    const last = page[page.length - 1]
    if (!last || page.length < PAGE) return
    after = last.id
  }
}
