import { Hono } from 'hono'
import { readDocument } from '../../engine/documents/documents.service.ts'
import { documentResponse } from '../../http/routes/documents.routes.ts'
import type { UiDeps, UiEnv } from '../env.ts'
import { guard, param } from '../session/guard.ts'

/**
 * `/teams/:id/documenten/:sha256`: a document attached to an event of the team, for whoever may
 * read the team (the same service and access-log entry as the API's download). Always a
 * download, never shown inline, and never sniffed again by the browser.
 */
export function documentRoutes(deps: UiDeps) {
  const page = guard(deps)
  return new Hono<UiEnv>().get(
    '/teams/:id/documenten/:sha256',
    page(async (c, who) => {
      const id = param(c, 'id')
      const sha256 = param(c, 'sha256')
      const document = await readDocument(deps.store, who.principal, id, sha256, {
        route: `UI /teams/${id}/documenten/${sha256}`,
        machineId: 'ontwikkelteam',
      })
      return documentResponse(c, document)
    }),
  )
}
