// Fails when src/schema.d.ts is not what openapi-typescript makes of the committed openapi.json.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The `generate` script is the one source of the generator's options: run it with another output.
const { scripts } = JSON.parse(readFileSync('package.json', 'utf8'))
const [command, ...args] = scripts.generate.split(' ')
const dir = mkdtempSync(join(tmpdir(), 'relais-schema-'))
const fresh = join(dir, 'schema.d.ts')
args[args.indexOf('-o') + 1] = fresh
try {
  execFileSync(command, args, { stdio: 'pipe' })
  if (readFileSync(fresh, 'utf8') !== readFileSync('src/schema.d.ts', 'utf8')) {
    console.error('packages/client/src/schema.d.ts is stale: run `pnpm generate` and commit the result.')
    process.exit(1)
  }
  console.log('schema.d.ts matches openapi.json.')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
