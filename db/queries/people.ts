import type { Db, Person } from '../database.ts'

export async function insertPerson(db: Db, row: Person): Promise<void> {
  await db.insertInto('people').values(row).execute()
}

export async function getPerson(db: Db, id: string): Promise<Person | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()
}
