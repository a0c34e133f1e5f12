import { describe, expect, it } from 'vitest'
import { docsRoutes } from '../../src/http/docs.routes.ts'

describe('the API reference page', () => {
  it('turns off the Swagger UI validator badge, which would send our address to a third party', async () => {
    const res = await docsRoutes().request('/docs/assets/init.js')
    expect(res.status).toBe(200)
    const init = await res.text()
    expect(init).toContain('SwaggerUIBundle(')
    expect(init).toMatch(/validatorUrl:\s*null/)
  })

  it('serves Swagger UI from the installed swagger-ui-dist', async () => {
    const res = await docsRoutes().request('/docs/assets/swagger-ui-bundle.js')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('SwaggerUIBundle')
  })
})
