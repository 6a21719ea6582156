// Builds dist/ with tsc (ES modules and declarations), then writes the package version where the
// CDN build's Rollup plugin would.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const dist = join(root, 'dist')
rmSync(dist, { recursive: true, force: true })
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.js')) continue
  const code = readFileSync(join(dist, file), 'utf8')
  if (code.includes('__RELAIS_VERSION__'))
    writeFileSync(join(dist, file), code.replaceAll('__RELAIS_VERSION__', version))
}
console.log(`Built @relais/widgets ${version} in dist/.`)
