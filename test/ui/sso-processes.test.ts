import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_SECRET, testApp } from '../support/app.ts'
import { TestBrowser, signInAtProvider } from '../support/browser.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { startOidcProvider } from '../support/oidc-provider.ts'
import type { TestProvider } from '../support/oidc-provider.ts'
import { startServerProcess } from '../support/server-process.ts'
import type { ServerProcess } from '../support/server-process.ts'
import { buildWorld } from '../support/world.ts'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'one sign-in, two server processes on one PostgreSQL',
  () => {
    let db: TestDatabase
    let provider: TestProvider
    const servers: Record<'a' | 'b', ServerProcess | undefined> = { a: undefined, b: undefined }
    let env: Record<string, string>
    const ports = { a: 0, b: 0 }

    const start = async (which: 'a' | 'b') => {
      servers[which] = await startServerProcess({ ...env, PORT: String(ports[which]) })
      return servers[which]
    }

    beforeAll(async () => {
      db = await freshDatabase('postgres')
      const { admin } = await testApp(db.store)
      const world = await buildWorld(admin)
      const eva = await admin.post('/api/v1/people', {
        name: 'Eva Smit',
        email: 'eva@school.example',
        organisationId: world.orgA,
      })
      await admin.post('/api/v1/tokens', { name: 'eva', role: 'teacher', personId: eva.body.id })
      ports.a = await freePort()
      ports.b = await freePort()
      // Behind one load balancer both processes have one public address: here, A's.
      const publicUrl = `http://127.0.0.1:${ports.a}`
      provider = await startOidcProvider({
        clients: [
          {
            client_id: 'doorlopend',
            client_secret: 'geheim-voor-de-test',
            redirect_uris: [`${publicUrl}/login/sso/school/terug`],
            post_logout_redirect_uris: [`${publicUrl}/login?uitgelogd=1`],
          },
        ],
        accounts: { eva: { email: 'eva@school.example', name: 'Eva Smit' } },
      })
      env = {
        DATABASE_URL: db.url,
        ADMIN_TOKEN: ADMIN_SECRET,
        PUBLIC_URL: publicUrl,
        OIDC_PROVIDERS: 'school',
        OIDC_SCHOOL_ISSUER: provider.issuer,
        OIDC_SCHOOL_CLIENT_ID: 'doorlopend',
        OIDC_SCHOOL_CLIENT_SECRET: 'geheim-voor-de-test',
        OIDC_SCHOOL_LABEL: 'Schoolaccount',
      }
      await Promise.all([start('a'), start('b')])
    }, 60_000)
    afterAll(async () => {
      await servers.a?.stop()
      await servers.b?.stop()
      await provider?.close()
      await db?.cleanup()
    })

    it('logs in starting on B, is answered on A, keeps working on B, and after restarts of both', async () => {
      const a = `http://127.0.0.1:${ports.a}`
      const b = `http://127.0.0.1:${ports.b}`
      const browser = new TestBrowser()
      const atProvider = await browser.get(`${b}/login/sso/school?terug=/transitions`)
      expect(atProvider.url.startsWith(provider.url)).toBe(true)
      const answer = await signInAtProvider(browser, atProvider, 'eva')
      expect(answer.url.startsWith(`${a}/login/sso/school/terug?`)).toBe(true)
      const landed = await browser.follow(answer)
      expect(landed.status).toBe(200)

      const onB = await browser.get(`${b}/transitions`)
      expect(onB.status).toBe(200)
      expect(onB.html).toContain('<strong>Eva Smit</strong>')

      await servers.b?.stop()
      await start('b')
      expect((await browser.get(`${b}/transitions`)).html).toContain('<strong>Eva Smit</strong>')
      await servers.a?.stop()
      await start('a')
      expect((await browser.get(`${a}/transitions`)).html).toContain('<strong>Eva Smit</strong>')
    }, 60_000)
  },
)
