import { existsSync, readFileSync } from 'node:fs'
import { Hono } from 'hono'
import type { UiEnv } from '../env.ts'

// The UI's own files, served from src/ui/assets: no CDN, nothing fetched elsewhere. Found from
// the project root, so the same code runs from the sources and from the bundle in dist/.
function assetsDir(): URL {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    const candidate = new URL('src/ui/assets/', dir)
    if (existsSync(new URL('style.css', candidate))) return candidate
  }
  throw new Error('src/ui/assets not found above ' + import.meta.url)
}

const dir = assetsDir()
const read = (name: string) => readFileSync(new URL(name, dir))

const ASSETS: Record<string, { body: Buffer; type: string }> = {
  'style.css': { body: read('style.css'), type: 'text/css; charset=utf-8' },
  'icon.svg': { body: read('icon.svg'), type: 'image/svg+xml' },
}

export function assetRoutes() {
  return new Hono<UiEnv>().get('/assets/:file', (c) => {
    const asset = Object.hasOwn(ASSETS, c.req.param('file'))
      ? ASSETS[c.req.param('file')]
      : undefined
    if (!asset) return c.text('Niet gevonden', 404)
    return c.body(new Uint8Array(asset.body), 200, {
      'content-type': asset.type,
      'cache-control': 'public, max-age=3600',
    })
  })
}
