// The npm package's entry points, as a site's bundler resolves them through package.json `exports`:
// the loader and one module per widget, each with its type declarations.
import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { it } from 'node:test'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const widgets = readdirSync(new URL('../../src/components', import.meta.url))

it('resolves @relais/widgets/<widget> and /loader to built modules with declarations', () => {
  for (const name of [...widgets, 'loader']) {
    const file = fileURLToPath(import.meta.resolve(`@relais/widgets/${name}`))
    assert.ok(existsSync(file), `${name}: ${file} is missing (build first)`)
    assert.ok(existsSync(file.replace(/\.js$/, '.d.ts')), `${name}: no declarations`)
  }
})

it('keeps tests and fixtures out of the package', () => {
  const dist = fileURLToPath(new URL('../../dist', import.meta.url))
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  assert.deepEqual(
    files.filter((file) => /\.(test|fixtures)\./.test(file)),
    [],
  )
  assert.ok(require.resolve('@relais/widgets/custom-elements.json'))
})
