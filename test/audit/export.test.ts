import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsePublicKey } from '../../src/verifier/checkpoint-format.ts'
import type { Checkpoint } from '../../src/verifier/checkpoint-format.ts'
import { csvRecords } from '../../src/verifier/csv.ts'
import { exportRecords } from '../../src/verifier/read-export.ts'
import { verifyRecords } from '../../src/verifier/verify-export.ts'
import { testApp, tokenFor } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('CSV cells', () => {
  it('read back exactly what was written: quotes, commas, line breaks, empty and null', async () => {
    const text = '"a ""quoted"", and\r\nmulti-line",,"",7\r\n"x",\r\n'
    const records = []
    for await (const r of csvRecords([text.slice(0, 9), text.slice(9)])) records.push(r)
    expect(records).toEqual([
      ['a "quoted", and\r\nmulti-line', null, '', '7'],
      ['x', null],
    ])
  })
})

describe.each(DATABASES)('GET /audit/export (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: World
  let checkpoint: Checkpoint
  let publicKeyPem: string
  const verify = async (text: string, withCheckpoint = true) =>
    verifyRecords(exportRecords([text]), {
      ...(withCheckpoint ? { checkpoints: [{ name: 'cp.json', data: checkpoint }] } : {}),
      publicKey: parsePublicKey(publicKeyPem),
    })

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
    await admin.post(`/api/v1/instances/${world.transitionInstanceId}/events`, {
      type: 'behandeling.starten',
    })
    await admin.post(`/api/v1/instances/${world.transitionInstanceId}/events`, {
      type: 'toegang.afwijzen',
      reason: 'Niet nu, want: "de formatie", zegt de schoolleider;\nvolgend jaar opnieuw.',
    })
    checkpoint = (await admin.get('/api/v1/audit/checkpoint')).body
    publicKeyPem = (await admin.get('/api/v1/audit/public-key')).body.publicKeyPem
  })
  afterAll(async () => {
    await db.cleanup()
  })

  it('streams NDJSON: an export record, per instance its head and events, an end record', async () => {
    const res = await admin.get('/api/v1/audit/export')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/x-ndjson')
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="doorlopend-export-.*\.ndjson"/,
    )
    const records = lines(res.body as string)
    expect(records[0]).toMatchObject({
      kind: 'export',
      format: 'doorlopend-export-v3',
      scope: 'all',
    })
    expect(records[records.length - 1]).toMatchObject({
      kind: 'end',
      events: checkpoint.events,
      instances: checkpoint.instances,
    })
    const event = records.find((r) => r['kind'] === 'event' && r['type'] === 'toegang.afwijzen')
    expect(Object.keys(event ?? {}).sort()).toEqual(
      [
        'kind',
        'format',
        'instanceId',
        'seq',
        'type',
        'payload',
        'reason',
        'actor',
        'recordedAt',
        'effectiveDate',
        'stateBefore',
        'stateAfter',
        'prevHash',
        'hash',
        'machineVersion',
      ].sort(),
    )
    const result = await verify(res.body as string)
    expect(result).toMatchObject({
      ok: true,
      complete: true,
      events: checkpoint.events,
      instances: checkpoint.instances,
    })
  })

  it('writes the same records as CSV, which verifies just the same', async () => {
    const res = await admin.get('/api/v1/audit/export?format=csv')
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect((res.body as string).split('\r\n')[0]).toBe(
      '"kind","instanceId","seq","type","payload","reason","actorTokenId","actorRole","recordedAt","effectiveDate","stateBefore","stateAfter","prevHash","hash","format","actorPersonId","actorOrganisationId","machineVersion"',
    )
    expect(await verify(res.body as string)).toMatchObject({
      ok: true,
      complete: true,
      events: checkpoint.events,
    })
  })

  it('filters by instance and by recorded time; a partial export verifies what it holds', async () => {
    const one = await admin.get(`/api/v1/audit/export?instanceId=${world.transitionInstanceId}`)
    const records = lines(one.body as string)
    expect(
      new Set(
        records
          .filter((r) => r['kind'] !== 'export' && r['kind'] !== 'end')
          .map((r) => r['instanceId']),
      ),
    ).toEqual(new Set([world.transitionInstanceId]))
    const checked = await verify(one.body as string)
    expect(checked).toMatchObject({ ok: true, complete: false, events: 3 })
    expect(checked.checkpoints[0]).toMatchObject({
      headsConfirmed: 1,
      headsNotCovered: checkpoint.instances - 1,
    })

    const events = records.filter((r) => r['kind'] === 'event')
    const from = events[1]?.['recordedAt'] as string
    const ranged = await admin.get(
      `/api/v1/audit/export?instanceId=${world.transitionInstanceId}&from=${from}`,
    )
    const inRange = lines(ranged.body as string).filter((r) => r['kind'] === 'event')
    expect(inRange.every((r) => (r['recordedAt'] as string) >= from)).toBe(true)
    expect((await verify(ranged.body as string)).ok).toBe(true)
    const none = await admin.get(`/api/v1/audit/export?to=2001-01-01T00:00:00Z`)
    expect(lines(none.body as string).map((r) => r['kind'])).toEqual(['export', 'end'])
  })

  it('holds only the instances in an auditor’s scope', async () => {
    const auditor = admin.as(
      await tokenFor(db.store, { name: 'a', role: 'auditor', organisationIds: [world.orgC] }),
    )
    const res = await auditor.get('/api/v1/audit/export')
    expect(res.status).toBe(200)
    const records = lines(res.body as string)
    expect(records[0]?.['scope']).toEqual({ organisationIds: [world.orgC] })
    expect(records.filter((r) => r['kind'] === 'event')).toEqual([])
    expect(
      (await auditor.get(`/api/v1/audit/export?instanceId=${world.transitionInstanceId}`)).status,
    ).toBe(404)
    const hr = admin.as(world.hrToken)
    expect((await hr.get('/api/v1/audit/export')).status).toBe(403)
    expect((await admin.get('/api/v1/audit/export?format=xml')).status).toBe(400)
  })

  it('a file cut short is a break', async () => {
    const text = (await admin.get('/api/v1/audit/export')).body as string
    const cut = text.split('\n').slice(0, -3).join('\n')
    const result = await verify(cut, false)
    expect(result.ok).toBe(false)
    expect(result.breaks.map((b) => b.reason)).toContain('no end record: the file was cut short')
  })
})
