import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { exportCommand } from '../../src/audit/audit-commands.ts'
import type { Store } from '../../src/engine/store.ts'
import { runVerifyExport, verifyExportFile } from '../../src/verifier/main.ts'
import { testApp } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { docxFile, pdfFile } from '../support/document-files.ts'
import {
  documentWorld,
  download,
  driveTo,
  newTeam,
  ontwerp,
  postDocument,
} from '../http/documents.helpers.ts'
import type { DocumentWorld } from '../http/documents.helpers.ts'

// The auditor's side of documents: `doorlopend export --documents DIR` writes, beside the export,
// each document its events refer to as a file named by its SHA-256; `verify-export --documents
// DIR` checks every one against the hash and size on its chain and names a changed or missing
// one. Exports without documents verify as before. Erasing a person (a team member whose name a
// document may carry) leaves every chain and every document check intact.

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe.each(DATABASES)('documents in the export and the offline verifier (%s)', (kind) => {
  let db: TestDatabase
  let world: DocumentWorld
  let dir: string
  let team: string
  const documents = [pdfFile('Ontwerp voor de auditor'), docxFile()]
  const file = (name: string) => join(dir, name)
  const withStore = <T>(run: (store: Store) => Promise<T>) => run(db.store)

  beforeAll(async () => {
    db = await freshDatabase(kind)
    const { admin } = await testApp(db.store)
    world = await documentWorld(admin)
    team = await newTeam(world)
    await driveTo(world, team, 'vormgeven')
    for (const bytes of documents) {
      const res = await postDocument(world.member, team, ontwerp(), { bytes })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    dir = mkdtempSync(join(tmpdir(), 'doorlopend-documents-'))
  })
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
    await db?.cleanup()
  })

  it('erasing a team member keeps every chain sound and every document downloadable', async () => {
    expect((await world.admin.delete(`/api/v1/people/${world.ids.repM}`)).status).toBe(204)
    const verify = await world.admin.get('/api/v1/audit/verify')
    expect(verify.body.ok, JSON.stringify(verify.body.breaks)).toBe(true)
    const got = await download(
      world.member,
      `/api/v1/instances/${team}/documents/${sha256(documents[0] as Uint8Array)}`,
    )
    expect(got.status).toBe(200)
  })

  it('exports the documents beside the events, each named by its hash, and verifies them', async () => {
    expect(
      await exportCommand(['--out', file('export.ndjson'), '--documents', file('docs')], withStore),
    ).toBe(0)
    expect(await exportCommand(['--format', 'csv', '--out', file('export.csv')], withStore)).toBe(0)
    expect(readdirSync(file('docs')).sort()).toEqual(documents.map(sha256).sort())
    for (const bytes of documents) {
      expect(readFileSync(join(file('docs'), sha256(bytes))).equals(Buffer.from(bytes))).toBe(true)
    }
    for (const exported of ['export.ndjson', 'export.csv']) {
      const result = await verifyExportFile(file(exported), { documents: file('docs') })
      expect(result.ok, JSON.stringify(result.breaks)).toBe(true)
      expect(result.documents).toEqual({
        referenced: 2,
        checked: true,
        matching: 2,
        missing: 0,
        mismatched: 0,
      })
    }
    // Without the directory the chains still verify, and the documents are said to be unchecked.
    const unchecked = await verifyExportFile(file('export.ndjson'))
    expect(unchecked.ok).toBe(true)
    expect(unchecked.documents).toMatchObject({ referenced: 2, checked: false })
  })

  it('names a document whose bytes were changed, and one that is missing', async () => {
    const [pdf, docx] = documents.map(sha256) as [string, string]
    const changed = readFileSync(join(file('docs'), pdf))
    changed.writeUInt8((changed.readUInt8(changed.length - 2) ^ 0x01) & 0xff, changed.length - 2)
    writeFileSync(join(file('docs'), pdf), changed)
    unlinkSync(join(file('docs'), docx))
    const result = await verifyExportFile(file('export.ndjson'), { documents: file('docs') })
    expect(result.ok).toBe(false)
    expect(result.documents).toMatchObject({ matching: 0, missing: 1, mismatched: 1 })
    const reasons = result.breaks.map((b) => b.reason)
    expect(reasons.find((r) => r.startsWith(`document ${pdf.slice(0, 12)}`))).toContain(
      'does not match the chain',
    )
    expect(reasons.find((r) => r.includes(docx))).toContain('is missing')
    expect(result.breaks.every((b) => b.instanceId === team)).toBe(true)

    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      expect(await runVerifyExport([file('export.ndjson'), '--documents', file('docs')])).toBe(1)
      expect(String(log.mock.calls.at(-1)?.[0])).toContain('1 missing, 1 changed')
    } finally {
      log.mockRestore()
    }
  })

  it('verifies an export without documents as before, with or without --documents', async () => {
    // A team of its own (the erased member cannot join another).
    const pilot = await world.admin.post('/api/v1/pilots', {
      name: 'Zonder documenten',
      scenario: '1a',
      organisationIds: [world.ids.opleidingsschool, world.ids.mavo],
    })
    const other = pilot.body.teams[0].instanceId as string
    const out = file('zonder.ndjson')
    expect(
      await exportCommand(
        ['--instance', other, '--out', out, '--documents', file('leeg')],
        withStore,
      ),
    ).toBe(0)
    expect(readdirSync(file('leeg'))).toEqual([])
    for (const options of [{}, { documents: file('leeg') }]) {
      const result = await verifyExportFile(out, options)
      expect(result.ok, JSON.stringify(result.breaks)).toBe(true)
      expect(result.documents.referenced).toBe(0)
    }
  })
})
