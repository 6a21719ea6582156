// Fails when src/schema.d.ts is not what openapi-typescript makes of the committed openapi.json.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'relais-schema-'))
const fresh = join(dir, 'schema.d.ts')
try {
  execFileSync('openapi-typescript', ['../api/openapi.json', '-o', fresh], { stdio: 'pipe' })
  if (readFileSync(fresh, 'utf8') !== readFileSync('src/schema.d.ts', 'utf8')) {
    console.error('packages/client/src/schema.d.ts is stale: run `pnpm generate` and commit the result.')
    process.exit(1)
  }
  console.log('schema.d.ts matches openapi.json.')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
