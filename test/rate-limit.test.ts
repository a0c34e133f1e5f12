import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../src/http/app.ts'
import { ADMIN_SECRET, Client, testApp } from './support/app.ts'
import { freshDatabase } from './support/db.ts'
import type { TestDatabase } from './support/db.ts'

describe('the rate limit', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await freshDatabase('sqlite')
    await testApp(db.store)
  })
  afterEach(async () => {
    await db.cleanup()
  })

  it('answers 429 problem+json with Retry-After once a client passes its share, others unaffected', async () => {
    const app = createApp({ store: db.store, rateLimitPer10s: 5 })
    const admin = new Client(app, ADMIN_SECRET)
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await admin.get('/api/v1/organisations')).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const limited = await admin.get('/api/v1/organisations')
    expect(limited.headers.get('content-type')).toContain('application/problem+json')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(limited.body).toMatchObject({
      status: 429,
      detail: expect.stringMatching(/Te veel verzoeken/),
    })
    const other = new Client(app, 'dl_some-other-token-xxxxxxxxxx')
    expect((await other.get('/api/v1/organisations')).status).toBe(401)
  })
})
