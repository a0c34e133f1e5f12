import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The offline verifier must be small enough to read and depend on nothing of the server: it
// imports node:* and its own files, and of the server only the shared hashing function, which
// in turn imports node:crypto alone (its RFC 8785 canonical JSON is its own).

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function imports(path: string): string[] {
  const source = readFileSync(`${ROOT}${path}`, 'utf8')
  return [
    ...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string)
}

describe('the offline verifier', () => {
  it('imports only node:*, its own files and src/engine/hash.ts', () => {
    const files = readdirSync(`${ROOT}src/verifier`).filter((f) => f.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(3)
    for (const f of files) {
      for (const spec of imports(`src/verifier/${f}`)) {
        const allowed =
          spec.startsWith('node:') || /^\.\/[\w-]+\.ts$/.test(spec) || spec === '../engine/hash.ts'
        expect(allowed, `${f} imports ${spec}`).toBe(true)
      }
    }
  })

  it('shares a hashing function that imports node:crypto only', () => {
    expect(imports('src/engine/hash.ts')).toEqual(['node:crypto'])
  })
})
