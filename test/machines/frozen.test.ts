import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { machineVersions } from '../../machines/index.ts'
import { fingerprint } from './definition-fingerprint.ts'

// A released version of a machine never changes: instances run it until they are migrated, and
// their histories replay by it. Each version's fingerprint is recorded in test/fixtures/machines;
// a change to a released version fails here. Change a process by adding a version (and its
// migration) instead. A new version is recorded once, with FREEZE_MACHINES=1, when it is released.

const file = (id: string, version: number) =>
  new URL(`../fixtures/machines/${id}-v${String(version)}.json`, import.meta.url)

describe('released machine versions are frozen', () => {
  for (const def of machineVersions) {
    it(`${def.id} version ${String(def.version)} is exactly as released`, () => {
      const now = JSON.parse(JSON.stringify(fingerprint(def))) as unknown
      const path = file(def.id, def.version)
      if (process.env['FREEZE_MACHINES'] === '1' && !existsSync(path)) {
        writeFileSync(path, `${JSON.stringify(now, null, 1)}\n`)
      }
      expect(existsSync(path), `no recorded fingerprint for ${def.id} v${def.version}`).toBe(true)
      const released = JSON.parse(readFileSync(path, 'utf8')) as unknown
      expect(now).toEqual(released)
    })
  }
})
