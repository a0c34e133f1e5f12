import { Hono } from 'hono'
import { getMachine } from '../../../machines/index.ts'
import { notFound } from '../../errors.ts'
import { MachineDiagram } from '../diagram/diagram.tsx'
import type { UiDeps, UiEnv } from '../env.ts'
import { guard, param } from '../session/guard.ts'

/** `/machines/<id>.svg`: a machine's diagram, generated from its definition. */
export function diagramRoutes(deps: UiDeps) {
  const page = guard(deps)
  return new Hono<UiEnv>().get(
    '/machines/:file',
    page(async (c) => {
      const file = param(c, 'file')
      const def = file.endsWith('.svg') ? getMachine(file.slice(0, -'.svg'.length)) : undefined
      if (!def) throw notFound('Diagram', file)
      const svg = String(await MachineDiagram({ def }))
      return c.body(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, 200, {
        'content-type': 'image/svg+xml; charset=utf-8',
        'cache-control': 'no-cache',
      })
    }),
  )
}
