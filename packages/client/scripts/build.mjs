// Builds dist/: tsc's ESM and declarations, with the version constant written first and the
// generated schema types, which the declarations import, copied beside them.
import { execFileSync } from 'node:child_process'
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

const { version } = JSON.parse(readFileSync('package.json', 'utf8'))
// The client cannot read package.json at run time (it runs in browsers): a test checks this stays in sync.
writeFileSync(
  'src/version.ts',
  `// Written by scripts/build.mjs from package.json: do not edit.\nexport const version = '${version}'\n`,
)
rmSync('dist', { recursive: true, force: true })
execFileSync('tsc', ['-p', 'tsconfig.build.json'], { stdio: 'inherit' })
copyFileSync('src/schema.d.ts', 'dist/schema.d.ts')
console.log(`Built @relais/client ${version} in dist/.`)
