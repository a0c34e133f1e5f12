import { createRoute } from '@hono/zod-openapi'
import { erasePerson } from '../../audit/erasure.service.ts'
import type { Store } from '../../engine/store.ts'
import { bearer, newRouter } from '../router.ts'
import { IdParam, problemResponses } from '../schemas.ts'

export function peopleEraseRoutes(store: Store) {
  return newRouter().openapi(
    createRoute({
      method: 'delete',
      path: '/people/{id}',
      operationId: 'erasePerson',
      tags: ['Beheer'],
      summary:
        'Erase a person (admin): name and e-mail are removed everywhere; ids and chains stay',
      security: bearer,
      request: { params: IdParam },
      responses: {
        204: { description: 'Erased (also when erased before)' },
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => {
      await erasePerson(store, c.var.principal, c.req.valid('param').id)
      return c.body(null, 204)
    },
  )
}
