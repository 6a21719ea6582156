// The client's cost to a page: its runtime bundled with openapi-fetch, minified and gzipped, as
// a site's bundler would ship it. Fails over the budget. Bundling for the neutral platform also
// fails on any Node-only import.
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const budget = 8 * 1024
const { outputFiles } = await build({
  entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  write: false,
})
const code = outputFiles[0].contents
const gzip = gzipSync(code, { level: 9 }).length
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`
console.log(
  `@relais/client runtime with openapi-fetch: ${kb(code.length)} minified, ${kb(gzip)} gzip (budget ${kb(budget)})`,
)
if (gzip > budget) {
  console.error(`Over budget by ${kb(gzip - budget)}.`)
  process.exit(1)
}
