#!/usr/bin/env node
// Compiles the server to JavaScript (default: dist/), as production runs it: `node dist/cli/main.js serve`.
// Types are checked by `pnpm typecheck`, not here, so the build takes seconds.
import { execFileSync } from 'node:child_process'
import { cpSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const outDir = process.argv[2] ?? 'dist'
rmSync(outDir, { recursive: true, force: true })
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], { stdio: 'inherit' })
// Files the code reads beside itself at run time.
for (const file of ['domain/places/places-data.json']) cpSync(join('src', file), join(outDir, file))
console.log(`Built ${outDir}/cli/main.js`)
