// Size budgets of the CDN build, gzip: what a visitor downloads, i.e. the `.gz` files the build
// writes and the API sends (browsers that take Brotli get less). A widget's size counts every
// chunk it imports statically (Lit included), the way a browser loads it on a page alone.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'

const cdn = new URL('../cdn/', import.meta.url).pathname
const budgets = [
  { name: 'loader (relais.js)', entry: 'relais.js', limit: 2 * 1024 },
  { name: 'relais-event-list with Lit', entry: 'relais-event-list.js', limit: 12 * 1024 },
  { name: 'all widgets together', entry: null, limit: 40 * 1024 },
]

const gzipped = (file) => statSync(join(cdn, `${file}.gz`)).size

function staticImports(file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  const code = readFileSync(join(cdn, file), 'utf8')
  for (const [, spec] of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    staticImports(posix.normalize(posix.join(posix.dirname(file), spec)), seen)
  }
  return seen
}

const allFiles = [
  ...readdirSync(cdn).filter((f) => f.endsWith('.js')),
  ...readdirSync(join(cdn, 'chunks'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `chunks/${f}`),
]
let failed = false
console.log('budget                          size (gzip)   limit')
for (const budget of budgets) {
  const files = budget.entry ? [...staticImports(budget.entry)] : allFiles
  const size = files.reduce((sum, file) => sum + gzipped(file), 0)
  const ok = size <= budget.limit
  failed ||= !ok
  const verdict = ok ? 'ok' : `OVER by ${((size - budget.limit) / 1024).toFixed(2)} KB`
  console.log(
    `${budget.name.padEnd(32)}${(size / 1024).toFixed(2).padStart(8)} KB ${(budget.limit / 1024).toFixed(0).padStart(6)} KB  ${verdict}`,
  )
}
for (const file of allFiles.sort())
  console.log(`  ${file.padEnd(40)}${(gzipped(file) / 1024).toFixed(2).padStart(8)} KB`)
if (failed) {
  console.error('A size budget is exceeded: make the widget smaller or discuss the budget.')
  process.exit(1)
}
