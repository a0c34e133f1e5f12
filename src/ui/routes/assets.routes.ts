import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import type { UiEnv } from '../env.ts'

// The UI's own files, served from this folder: no CDN, nothing fetched elsewhere.
const read = (name: string) => readFileSync(new URL(`../assets/${name}`, import.meta.url))

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
