import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import {
  docxFile,
  odtFile,
  ole2File,
  pdfFile,
  pptxFile,
  xlsxFile,
} from '../support/document-files.ts'
import {
  documentRows,
  documentWorld,
  download,
  driveTo,
  newTeam,
  ontwerp,
  postDocument,
} from './documents.helpers.ts'
import type { DocumentWorld } from './documents.helpers.ts'

// Documents attached to events, through POST /api/v1/instances/:id/events as multipart/form-data
// and GET /api/v1/instances/:id/documents/:sha256: each allowed kind is recognised by its bytes
// and its hash goes on the chain; every refusal is a Dutch problem that changes nothing and keeps
// no bytes; a download is for readers of the instance only, and is access-logged.

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe.each(DATABASES)('documents attached to events (%s)', (kind) => {
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

  it('says which events take a document, in the machine catalog', async () => {
    const machine = (await world.admin.get('/api/v1/machines/ontwikkelteam')).body
    const taking = machine.events.filter((e: { attachment: boolean }) => e.attachment)
    expect(taking.map((e: { type: string }) => e.type).sort()).toEqual([
      'evaluatie.vastleggen',
      'ontwerp.vastleggen',
      'resultaat.delen',
    ])
  })

  const kinds: [string, () => Uint8Array, string, string][] = [
    ['pdf', pdfFile, 'ontwerp.pdf', 'application/pdf'],
    [
      'docx',
      docxFile,
      'ontwerp.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'xlsx',
      xlsxFile,
      'begroting.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      'pptx',
      pptxFile,
      'ontwerp.pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['odt', () => odtFile(), 'ontwerp.odt', 'application/vnd.oasis.opendocument.text'],
    ['doc', () => ole2File(), 'ontwerp.doc', 'application/msword'],
  ]
  for (const [name, file, filename, mediaType] of kinds) {
    it(`takes a ${name}: its hash, size and recognised type on the chain, its bytes downloadable`, async () => {
      const bytes = file()
      // The client's word for the type is ignored: always the same wrong one here.
      const res = await postDocument(world.member, team, ontwerp(`Ontwerp als ${name}.`), {
        bytes,
        name: filename,
        type: 'application/octet-stream',
      })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      const ref = { sha256: sha256(bytes), size: bytes.length, mediaType }
      expect(res.body.instance.context.ontwerp.document).toEqual(ref)
      const history = await world.admin.get(
        `/api/v1/instances/${team}/events?after=${res.body.event.seq - 1}`,
      )
      expect(history.body.items[0].payload.document).toEqual(ref)
      expect(history.body.items[0].hash).toBe(res.body.event.hash)

      const got = await download(world.member, `/api/v1/instances/${team}/documents/${ref.sha256}`)
      expect(got.status).toBe(200)
      expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true)
      expect(got.headers.get('content-type')).toBe(mediaType)
      expect(got.headers.get('content-disposition')).toMatch(
        /^attachment; filename="document-[0-9a-f]{12}\.\w+"$/,
      )
      expect(got.headers.get('x-content-type-options')).toBe('nosniff')
    })
  }

  it('keeps the bytes once when the same document comes again', async () => {
    const bytes = pdfFile('Tweemaal')
    const before = await documentRows(db.store)
    for (let i = 0; i < 2; i++) {
      const res = await postDocument(world.member, team, ontwerp(`Tweemaal ${i}.`), { bytes })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    expect(await documentRows(db.store)).toEqual({
      documents: before.documents + 1,
      links: before.links + 1,
    })
  })

  it('serves a document only to readers of the instance, and only one its events refer to', async () => {
    const bytes = docxFile()
    const res = await postDocument(world.member, team, ontwerp('Gedeeld ontwerp.'), {
      bytes,
      name: 'o.docx',
    })
    expect(res.status).toBe(200)
    const hash = sha256(bytes)
    const path = `/api/v1/instances/${team}/documents/${hash}`
    expect((await download(world.driver, path)).status).toBe(200)
    expect((await download(world.auditor, path)).status).toBe(200)
    for (const [who, client] of [
      ['hr outside', world.outsider],
      ['hr of the partner to come', world.nieuwHr],
    ] as const) {
      const got = await download(client, path)
      expect(got.status, who).toBe(404)
    }
    // Another team of the same organisations has no event that refers to it.
    const other = await newTeam(world)
    expect(
      (await download(world.driver, `/api/v1/instances/${other}/documents/${hash}`)).status,
    ).toBe(404)
    expect(
      (await download(world.driver, `/api/v1/instances/${team}/documents/${'0'.repeat(64)}`))
        .status,
    ).toBe(404)
    expect(
      (await download(world.driver, `/api/v1/instances/${team}/documents/niet-een-hash`)).status,
    ).toBe(404)
    expect((await download(world.admin.as(undefined), path)).status).toBe(401)
  })

  it('writes each download to the access log, for the people of the team, naming the document', async () => {
    const bytes = pdfFile('Gelogd ontwerp')
    await postDocument(world.member, team, ontwerp('Gelogd ontwerp.'), { bytes })
    const hash = sha256(bytes)
    const route = `GET /api/v1/instances/${team}/documents/${hash}`
    const logged = async () =>
      (
        await world.admin.get(`/api/v1/audit/access-log?personId=${world.ids.repM}&limit=500`)
      ).body.items.filter((e: { route: string }) => e.route === route)
    expect(await logged()).toEqual([])
    expect(
      (await download(world.auditor, `/api/v1/instances/${team}/documents/${hash}`)).status,
    ).toBe(200)
    const entries = await logged()
    expect(entries).toHaveLength(1)
    expect(entries[0].tokenName).toBe('auditor')
    // A refused download logs nothing.
    await download(world.outsider, `/api/v1/instances/${team}/documents/${hash}`)
    expect(await logged()).toHaveLength(1)
  })

  it('takes documents on evaluatie.vastleggen and resultaat.delen too; the chain still verifies', async () => {
    const other = await newTeam(world)
    await driveTo(world, other, 'evalueren')
    const report = docxFile()
    const evaluation = await postDocument(
      world.member,
      other,
      {
        type: 'evaluatie.vastleggen',
        payload: {
          level: 'opbrengst',
          judgement: 'Het niveau opbrengst is met de deelnemers besproken en beoordeeld.',
          evaluatorIds: [world.ids.repO],
          leraarInAmsterdamPersonId: world.ids.lia,
        },
      },
      { bytes: report, name: 'evaluatie.docx' },
    )
    expect(evaluation.status, JSON.stringify(evaluation.body)).toBe(200)
    const recorded = evaluation.body.instance.context.evaluaties.at(-1)
    expect(recorded.document.sha256).toBe(sha256(report))
    await driveTo(world, other, 'dissemineren')
    const slides = pptxFile()
    const shared = await postDocument(
      world.member,
      other,
      {
        type: 'resultaat.delen',
        payload: { partner: 'gemeente', text: 'Presentatie aan de gemeente.' },
      },
      { bytes: slides, name: 'resultaat.pptx' },
    )
    expect(shared.status, JSON.stringify(shared.body)).toBe(200)
    expect(shared.body.instance.context.resultaten.at(-1).document.sha256).toBe(sha256(slides))
    const verify = await world.admin.get(`/api/v1/audit/verify?instanceId=${other}`)
    expect(verify.body.ok).toBe(true)
  }, 60_000)

  it('replays an Idempotency-Key with the same document, and refuses it with another', async () => {
    const key = `doc-${kind}`
    const first = await postDocument(
      world.member,
      team,
      ontwerp('Eenmaal.'),
      { bytes: pdfFile('Een') },
      {
        'idempotency-key': key,
      },
    )
    expect(first.status).toBe(200)
    const again = await postDocument(
      world.member,
      team,
      ontwerp('Eenmaal.'),
      { bytes: pdfFile('Een') },
      {
        'idempotency-key': key,
      },
    )
    expect(again.status).toBe(200)
    expect(again.body.event).toEqual(first.body.event)
    const other = await postDocument(
      world.member,
      team,
      ontwerp('Eenmaal.'),
      { bytes: pdfFile('Twee') },
      {
        'idempotency-key': key,
      },
    )
    expect(other.status).toBe(422)
  })
})
