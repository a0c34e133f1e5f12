import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'
import { notFound } from '../errors.ts'

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

const ASSETS: Record<string, [file: string, type: string]> = {
  'swagger-ui.css': [join(swaggerDir, 'swagger-ui.css'), 'text/css; charset=utf-8'],
  'swagger-ui-bundle.js': [
    join(swaggerDir, 'swagger-ui-bundle.js'),
    'text/javascript; charset=utf-8',
  ],
}

// validatorUrl null: Swagger UI would otherwise show a badge that has validator.swagger.io fetch
// this server's OpenAPI document, telling a third party where the server is.
const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
  })
})`

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>doorlopend API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script></body></html>`

/** The interactive API reference, served from the installed swagger-ui-dist: no CDN. */
export function docsRoutes() {
  return new Hono()
    .get('/docs', (c) => c.html(PAGE))
    .get('/docs/assets/:file', async (c) => {
      const name = c.req.param('file')
      if (name === 'init.js')
        return c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' })
      const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined
      if (!asset) throw notFound('Bestand', name)
      return c.body(await readFile(asset[0]), 200, {
        'content-type': asset[1],
        'cache-control': 'public, max-age=86400',
      })
    })
}
