#!/usr/bin/env node
// The doorlopend command: runs the bundle that `npm run build` (bin/build.js) wrote to dist/,
// with source maps on so that stack traces name the TypeScript files and lines under src/.
// Nothing is built or written here: the install folder may be read-only.
// DOORLOPEND_FROM_SOURCE=1 runs the sources through tsx instead (tsx is a devDependency).
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const BUNDLE = fileURLToPath(new URL('../dist/doorlopend.mjs', import.meta.url))

if (process.env.DOORLOPEND_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli.ts')
} else if (existsSync(BUNDLE)) {
  process.setSourceMapsEnabled(true)
  await import(pathToFileURL(BUNDLE).href)
} else {
  console.error(
    `${BUNDLE} ontbreekt: bouw eerst met npm run build (of npm install), ` +
      'daarna werkt een installatie met npm ci --omit=dev',
  )
  process.exit(1)
}
