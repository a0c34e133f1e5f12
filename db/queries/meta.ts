import type { Db } from '../database.ts'

export async function getMeta(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value
}

/** Sets a value only if the key is absent; returns the value that is stored afterwards. */
export async function putMetaIfAbsent(db: Db, key: string, value: string): Promise<string> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  return (await getMeta(db, key)) ?? value
}
