import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/http/app.ts'
import { testApp } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { exeFile, pdfFile } from '../support/document-files.ts'
import { documentRows, documentWorld, driveTo, newTeam } from '../http/documents.helpers.ts'
import type { DocumentWorld } from '../http/documents.helpers.ts'
import { Browser } from './support/session.ts'

// The team page's forms for an event that takes a document: a file field, posted as
// multipart/form-data through the same postEvent as the API; a refused document comes back as the
// same form with the problem beside the field; the document downloads at
// /teams/:id/documenten/:sha256 for whoever may read the team.

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Posts a form with a file, as a browser does, with the session's cookie and CSRF token. */
async function postWithFile(
  app: App,
  browser: Browser,
  path: string,
  fields: Record<string, string>,
  file: { bytes: Uint8Array; name: string } | null,
) {
  const form = new FormData()
  form.append('_csrf', browser.lastCsrf)
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  // A file field left empty still sends a part: no name, no bytes.
  const blob = new Blob([(file?.bytes ?? new Uint8Array(0)) as Uint8Array<ArrayBuffer>], {
    type: file ? 'application/pdf' : 'application/octet-stream',
  })
  form.append('document', blob, file?.name ?? '')
  const res = await app.request(path, {
    method: 'POST',
    headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: form,
  })
  return { status: res.status, text: await res.text(), res }
}

describe.each(DATABASES)('documents on the team page (%s)', (kind) => {
  let db: TestDatabase
  let app: App
  let world: DocumentWorld
  let team: string

  beforeAll(async () => {
    db = await freshDatabase(kind)
    const { admin } = await testApp(db.store)
    app = admin.app
    world = await documentWorld(admin)
    team = await newTeam(world)
    await driveTo(world, team, 'vormgeven')
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  const fields = (page: string) => ({
    type: 'ontwerp.vastleggen',
    version: /name="version" value="(\d+)"/.exec(page)?.[1] ?? '',
    'payload.text': 'Acht bijeenkomsten over een schooljaar.',
    'payload.collaboration': 'Afwisselend op de scholen.',
    'payload.quality': 'Na elke bijeenkomst een korte evaluatie.',
  })

  it('offers a file field on the ontwerp form, posting multipart', async () => {
    const browser = new Browser(app)
    await browser.login(world.member.token ?? '')
    const page = await browser.get(`/teams/${team}`)
    expect(page.status).toBe(200)
    const form = /<form[^>]*id="form-ontwerp-vastleggen"[^>]*>/.exec(page.text)?.[0] ?? ''
    expect(form).toContain('enctype="multipart/form-data"')
    expect(page.text).toContain(
      'Document (pdf, Word, Excel, PowerPoint of OpenDocument, ten hoogste 10 MB)',
    )
    expect(page.text).toMatch(/<input[^>]*type="file"[^>]*name="document"/)
    // The reference itself is never a field to type in.
    expect(page.text).not.toContain('name="payload.document.sha256"')
  })

  it('shows a refused document beside its field, as the same form, and stores nothing', async () => {
    const browser = new Browser(app)
    await browser.login(world.member.token ?? '')
    const page = await browser.get(`/teams/${team}`)
    // Rendering the page again reads names (access log); nothing else may change.
    const state = async () => ({
      rows: await documentRows(db.store),
      version: (await world.admin.get(`/api/v1/instances/${team}`)).body.version as number,
    })
    const before = await state()
    const res = await postWithFile(app, browser, `/teams/${team}/events`, fields(page.text), {
      bytes: exeFile(),
      name: 'ontwerp.pdf',
    })
    expect(res.status).toBe(415)
    const field =
      /<div class="field has-error">\s*<label for="form-ontwerp-vastleggen-document"[\s\S]*?<\/div>/.exec(
        res.text,
      )?.[0]
    expect(field).toContain('Dit bestand is geen pdf, geen Word-')
    expect(field).toContain('Kies het bestand opnieuw')
    // What was typed stays.
    expect(res.text).toContain('Afwisselend op de scholen.')
    expect(await state()).toEqual(before)
  })

  it('records the ontwerp with its document, which downloads for readers of the team only', async () => {
    const browser = new Browser(app)
    await browser.login(world.member.token ?? '')
    const page = await browser.get(`/teams/${team}`)
    const bytes = pdfFile('Ontwerp uit de browser')
    const res = await postWithFile(app, browser, `/teams/${team}/events`, fields(page.text), {
      bytes,
      name: 'Ontwerp Ilse Vermeulen.pdf',
    })
    expect(res.status, res.text.slice(0, 500)).toBe(303)
    const view = (await world.admin.get(`/api/v1/instances/${team}`)).body
    expect(view.context.ontwerp.document).toEqual({
      sha256: sha256(bytes),
      size: bytes.length,
      mediaType: 'application/pdf',
    })
    const got = await browser.get(`/teams/${team}/documenten/${sha256(bytes)}`)
    expect(got.status).toBe(200)
    expect(got.res.headers.get('content-type')).toBe('application/pdf')
    expect(got.res.headers.get('content-disposition')).toMatch(/^attachment; filename="document-/)
    // The sender's file name (here with a person's name in it) is kept nowhere.
    expect(got.res.headers.get('content-disposition')).not.toContain('Vermeulen')

    const outsider = new Browser(app)
    await outsider.login(world.outsider.token ?? '')
    expect((await outsider.get(`/teams/${team}/documenten/${sha256(bytes)}`)).status).toBe(404)
  })

  it('records an attachment event without a document when the file field is left empty', async () => {
    const browser = new Browser(app)
    await browser.login(world.member.token ?? '')
    const page = await browser.get(`/teams/${team}`)
    const res = await postWithFile(app, browser, `/teams/${team}/events`, fields(page.text), null)
    expect(res.status, res.text.slice(0, 500)).toBe(303)
    const view = (await world.admin.get(`/api/v1/instances/${team}`)).body
    expect(view.context.ontwerp.document).toBeNull()
  })
})
