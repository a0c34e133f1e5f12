import { Hono } from 'hono'
import { getMachine } from '../../../machines/index.ts'
import { notFound } from '../../errors.ts'
import { MachineDiagram } from '../diagram/diagram.tsx'
import type { UiDeps, UiEnv } from '../env.ts'
import { guard, param } from '../session/guard.ts'

/** `<id>.svg` (the newest version) or `<id>.v<version>.svg`: the definition it names. */
function definitionOf(file: string) {
  const match = /^([a-z-]+)(?:\.v([1-9][0-9]{0,3}))?\.svg$/.exec(file)
  if (!match?.[1]) return undefined
  return getMachine(match[1], match[2] === undefined ? undefined : Number(match[2]))
}

/** `/machines/<file>`: a machine's diagram, generated from its definition. */
export function diagramRoutes(deps: UiDeps) {
  const page = guard(deps)
  return new Hono<UiEnv>().get(
    '/machines/:file',
    page(async (c) => {
      const file = param(c, 'file')
      const def = definitionOf(file)
      if (!def) throw notFound('Diagram', file)
      const svg = String(await MachineDiagram({ def }))
      return c.body(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, 200, {
        'content-type': 'image/svg+xml; charset=utf-8',
        'cache-control': 'no-cache',
      })
    }),
  )
}
