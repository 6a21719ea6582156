import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'

const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
}

// The reference is rendered by Swagger UI served from this server: no outside CDN, and no inline
// script, so it works under a strict Content-Security-Policy.
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Relais API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<noscript>The reference needs JavaScript. The contract itself is at <a href="/openapi.json">/openapi.json</a>.</noscript>
<div id="reference"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/start.js"></script>
</body>
</html>`

const start = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true,
  tryItOutEnabled: false, defaultModelsExpandDepth: 0, persistAuthorization: false })`

/** GET /docs and its assets. */
export function mountDocs(app: OpenAPIHono) {
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
  app.get('/docs', (c) => c.html(page))
  app.get('/docs/assets/start.js', (c) => c.body(start, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file')
    const type = assets[file]
    if (!type) return c.notFound()
    return c.body(await readFile(join(dist, file)), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    })
  })
}
