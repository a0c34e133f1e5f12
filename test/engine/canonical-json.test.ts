import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ZERO_HASH, canonicalJson, eventHash } from '../../src/engine/hash.ts'

// The hash of every stored event depends on this serialisation: it must stay byte for byte the
// RFC 8785 output of the reference implementation (the `canonicalize` package), which the hashes
// written before it were made with.

const SEED = 20261130

/** JSON values with full-Unicode strings and keys, as payloads and states can hold. */
const jsonData = fc.jsonValue({ maxDepth: 4, depthSize: 'small', stringUnit: 'binary' })

describe('canonicalJson (RFC 8785)', () => {
  it('gives exactly what the canonicalize package gives, for any JSON value', () => {
    fc.assert(
      fc.property(jsonData, (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value))
      }),
      { seed: SEED, numRuns: 3000 },
    )
  })

  it('sorts keys by UTF-16 code units and writes numbers as ECMAScript does', () => {
    const value = {
      b: 1,
      a: [1e21, -0, 0.1, 1e-7],
      '\u{1f600}': 'x',
      é: null,
      A: true,
      '\ufb33': 2,
    }
    expect(canonicalJson(value)).toBe(canonicalize(value))
    expect(canonicalJson(value)).toBe(
      '{"A":true,"a":[1e+21,0,0.1,1e-7],"b":1,"é":null,"\u{1f600}":"x","\ufb33":2}',
    )
  })

  it('skips undefined members, writes undefined array items as null, follows toJSON', () => {
    const value = { a: undefined, b: [undefined, 1], c: new Date(0) }
    expect(canonicalJson(value)).toBe(canonicalize(value))
    expect(canonicalJson(value)).toBe('{"b":[null,1],"c":"1970-01-01T00:00:00.000Z"}')
  })

  it('refuses what RFC 8785 cannot represent: lone surrogates, NaN, infinities', () => {
    for (const bad of [{ a: 'x\ud800' }, { ['\udc00']: 1 }, [Number.NaN], { n: Infinity }]) {
      expect(() => canonicalize(bad)).toThrow()
      expect(() => canonicalJson(bad)).toThrow()
    }
    expect(canonicalJson({ pair: '\ud83d\ude00' })).toBe(canonicalize({ pair: '\ud83d\ude00' }))
  })
})

describe('eventHash', () => {
  const text = fc.string({ unit: 'binary', maxLength: 40 })
  const fields = {
    instanceId: text,
    seq: fc.integer({ min: 1, max: 1_000_000 }),
    type: text,
    payload: fc.dictionary(text, jsonData, { maxKeys: 4 }),
    reason: fc.option(text),
    recordedAt: text,
    effectiveDate: fc.option(text),
    stateBefore: fc.option(jsonData),
    stateAfter: jsonData,
  }
  const actorV2 = fc.record({
    tokenId: text,
    role: text,
    personId: fc.option(text),
    organisationId: fc.option(text),
  })

  const reference = (hashed: unknown) =>
    createHash('sha256')
      .update(ZERO_HASH)
      .update(canonicalize(hashed) as string)
      .digest('hex')

  it('format 1: SHA-256 over the previous hash and canonicalize of the fields, actor token and role', () => {
    fc.assert(
      fc.property(fc.record({ ...fields, actor: actorV2 }), (e) => {
        const { personId: _p, organisationId: _o, ...actor } = e.actor
        expect(eventHash(ZERO_HASH, { ...e, format: 1 })).toBe(reference({ ...e, actor }))
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })

  it('format 2: the same over the fields, the whole actor and format: 2', () => {
    fc.assert(
      fc.property(fc.record({ ...fields, actor: actorV2 }), (e) => {
        expect(eventHash(ZERO_HASH, { ...e, format: 2 })).toBe(reference({ ...e, format: 2 }))
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })

  it('a format-2 event does not hash like its format-1 reading', () => {
    const e = {
      instanceId: 'inst_1',
      seq: 1,
      type: 'x',
      payload: {},
      reason: null,
      actor: { tokenId: 't', role: 'member', personId: null, organisationId: null },
      recordedAt: '2026-01-01T00:00:00.000Z',
      effectiveDate: null,
      stateBefore: null,
      stateAfter: 'a',
    }
    expect(eventHash(ZERO_HASH, { ...e, format: 2 })).not.toBe(
      eventHash(ZERO_HASH, { ...e, format: 1 }),
    )
  })
})
