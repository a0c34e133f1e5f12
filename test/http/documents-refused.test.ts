import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../db/create-db.ts'
import { createApp } from '../../src/http/app.ts'
import { Client, testApp } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import {
  exeFile,
  htmlFile,
  ole2File,
  pdfFile,
  pdfOfSize,
  pngFile,
} from '../support/document-files.ts'
import {
  documentRows,
  documentWorld,
  driveTo,
  newTeam,
  ontwerp,
  postDocument,
} from './documents.helpers.ts'
import type { DocumentWorld } from './documents.helpers.ts'
import { expectProblem, fingerprint } from './http.helpers.ts'

// Documents refused on POST /api/v1/instances/:id/events: an empty file, one too large, one that
// is no allowed kind whatever its name, a document on an event that takes none or set by hand,
// and a malformed multipart request. Each is a Dutch problem that changes nothing, and no refused
// event (stale, blocked, out of reach, or failing after its bytes were written) keeps any bytes.

describe.each(DATABASES)('documents refused (%s)', (kind) => {
  let db: TestDatabase
  let world: DocumentWorld
  let team: string

  beforeAll(async () => {
    db = await freshDatabase(kind)
    const { admin } = await testApp(db.store)
    world = await documentWorld(admin)
    team = await newTeam(world)
    await driveTo(world, team, 'vormgeven')
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  const refused: [string, () => Uint8Array, number][] = [
    ['an empty file', () => new Uint8Array(0), 400],
    ['a program named .pdf', exeFile, 415],
    ['an image named .pdf', pngFile, 415],
    ['a web page named .pdf', htmlFile, 415],
    ['an installer-like compound file', () => ole2File('SummaryInformation'), 415],
  ]
  for (const [what, file, status] of refused) {
    it(`refuses ${what} (${status}) in Dutch, storing nothing`, async () => {
      const before = await fingerprint(db.store)
      const res = await postDocument(world.member, team, ontwerp(), {
        bytes: file(),
        name: 'verslag.pdf',
        type: 'application/pdf',
      })
      expectProblem(res, status, what)
      expect(res.body.detail).toMatch(/document|bestand/i)
      expect(res.body.errors[0].path).toBe('document')
      expect(await fingerprint(db.store)).toBe(before)
    })
  }

  it('refuses a document over the limit (413) and lets one of exactly 10 MiB through', async () => {
    const limit = 10 * 1024 * 1024
    const before = await fingerprint(db.store)
    const big = await postDocument(world.member, team, ontwerp(), { bytes: pdfOfSize(limit + 1) })
    expectProblem(big, 413)
    expect(big.body.detail).toContain('ten hoogste 10 MB')
    // Far over the limit: the body itself is refused before it is read.
    const huge = await postDocument(world.member, team, ontwerp(), {
      bytes: pdfOfSize(limit + 200_000),
    })
    expectProblem(huge, 413)
    expect(huge.body.detail).toContain('ten hoogste 10 MB')
    expect(await fingerprint(db.store)).toBe(before)

    const exact = pdfOfSize(limit)
    const res = await postDocument(world.member, team, ontwerp('Het volledige ontwerp.'), {
      bytes: exact,
    })
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    expect(res.body.instance.context.ontwerp.document.size).toBe(limit)
    // Another route keeps the ordinary limit, multipart or not.
    const form = new FormData()
    form.append('name', 'x'.repeat(200 * 1024))
    const other = await world.admin.app.request('/api/v1/organisations', {
      method: 'POST',
      headers: { authorization: `Bearer ${world.admin.token}` },
      body: form,
    })
    expect(other.status).toBe(413)
  }, 60_000)

  it('refuses a document on an event that takes none (400), and a document set by hand (400)', async () => {
    const before = await fingerprint(db.store)
    const relatie = await postDocument(
      world.member,
      team,
      { type: 'raadpleging.vastleggen', payload: {} },
      { bytes: pdfFile() },
    )
    expectProblem(relatie, 400)
    expect(relatie.body.detail).toContain('neemt geen document aan')
    expect(relatie.body.detail).toContain('ontwerp.vastleggen')

    const handSet = {
      ...ontwerp(),
      payload: {
        ...ontwerp().payload,
        document: { sha256: 'a'.repeat(64), size: 10, mediaType: 'application/pdf' },
      },
    }
    const json = await world.member.post(`/api/v1/instances/${team}/events`, handSet)
    expectProblem(json, 400)
    expect(json.body.detail).toContain('vult de server zelf in')
    expect(json.body.errors[0].path).toBe('payload.document')
    const multipart = await postDocument(world.member, team, handSet, { bytes: pdfFile() })
    expectProblem(multipart, 400)
    expect(multipart.body.detail).toContain('vult de server zelf in')
    expect(await fingerprint(db.store)).toBe(before)
  })

  it('keeps no bytes of a refused event: a stale If-Match, a guard that fails, a caller without the right', async () => {
    const before = await documentRows(db.store)
    const print = await fingerprint(db.store)
    const version = (await world.admin.get(`/api/v1/instances/${team}`)).body.version as number
    const stale = await postDocument(
      world.member,
      team,
      ontwerp(),
      { bytes: pdfFile('Te laat') },
      {
        'if-match': `"${version - 1}"`,
      },
    )
    expectProblem(stale, 412)
    // evaluatie.vastleggen takes a document, but not in vormgeven.
    const blocked = await postDocument(
      world.member,
      team,
      {
        type: 'evaluatie.vastleggen',
        payload: {
          level: 'opbrengst',
          judgement: 'Het niveau opbrengst is met de deelnemers besproken en beoordeeld.',
          evaluatorIds: [world.ids.repO],
          leraarInAmsterdamPersonId: world.ids.lia,
        },
      },
      { bytes: pdfFile('Te vroeg') },
    )
    expectProblem(blocked, 422)
    const outside = await postDocument(world.outsider, team, ontwerp(), {
      bytes: pdfFile('Van buiten'),
    })
    expectProblem(outside, 404)
    const invalid = await postDocument(
      world.member,
      team,
      { type: 'ontwerp.vastleggen', payload: {} },
      {
        bytes: pdfFile('Zonder tekst'),
      },
    )
    expectProblem(invalid, 400)
    expect(await documentRows(db.store)).toEqual(before)
    expect(await fingerprint(db.store)).toBe(print)
  })

  it('keeps no bytes when the event transaction fails after they were written', async () => {
    // The idempotency answer is written after the document, in the same transaction: failing it
    // must take the document with it.
    const hooked = createDb(db.url, {
      queryHook: (text) => {
        if (/insert into "idempotency_keys"/i.test(text)) throw new Error('disk full (test)')
      },
    })
    try {
      const app = createApp({ store: hooked, onError: () => {} })
      const member = new Client(app, world.member.token)
      const before = await fingerprint(db.store)
      const res = await postDocument(
        member,
        team,
        ontwerp('Bijna.'),
        { bytes: pdfFile('Bijna') },
        {
          'idempotency-key': `bijna-${kind}`,
        },
      )
      expect(res.status).toBeGreaterThanOrEqual(500)
      expect(await fingerprint(db.store)).toBe(before)
    } finally {
      await hooked.destroy()
    }
  })

  it('answers a malformed multipart request with a Dutch 400', async () => {
    const noEvent = new FormData()
    noEvent.append('document', new Blob([pdfFile()]), 'a.pdf')
    const res = await world.member.app.request(`/api/v1/instances/${team}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.member.token}` },
      body: noEvent,
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { detail: string }).detail).toContain('deel ‘event’')
    const notJson = await postDocument(world.member, team, {} as never)
    expect(notJson.status).toBe(400)
    expect(notJson.body.errors[0].path).toBe('event.type')
  })
})
