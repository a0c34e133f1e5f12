#!/usr/bin/env node
// Runs the doorlopend command from a bundle of the TypeScript sources (built on demand, see
// bundle.js), or straight from the sources through tsx when esbuild is not available.
import { pathToFileURL } from 'node:url'
import { BUNDLE, ensureBundle } from './bundle.js'

if (process.env.DOORLOPEND_FROM_SOURCE !== '1' && (await ensureBundle())) {
  await import(pathToFileURL(BUNDLE).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli.ts')
}
