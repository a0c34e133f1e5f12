// Types of bin/build.js, for the tests that bundle with the project's own build.
import type * as EsbuildApi from 'esbuild'
import type { BuildOptions } from 'esbuild'

export interface EntryPoint {
  in: string
  out: string
}

export const DIST: string
export function entryPoints(): EntryPoint[]
export function buildOptions(entries: EntryPoint[], outdir: string): BuildOptions
export function isFresh(): boolean
export function bundle(
  esbuild: typeof EsbuildApi,
  entries: EntryPoint[],
  outdir: string,
): Promise<string[]>
