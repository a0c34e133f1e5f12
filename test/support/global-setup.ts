import pg from 'pg'

/** Says once, clearly, whether the PostgreSQL suite runs; fails fast when it was asked for but is unreachable. */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL
  if (!url) {
    console.log(
      '\n[doorlopend] PostgreSQL suite skipped: TEST_DATABASE_URL is not set (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test). SQLite runs.\n',
    )
    return
  }
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL does not answer: ${String(error)}`)
  } finally {
    await client.end().catch(() => {})
  }
  console.log(
    `\n[doorlopend] PostgreSQL suite runs against ${new URL(url).host}${new URL(url).pathname}.\n`,
  )
}
