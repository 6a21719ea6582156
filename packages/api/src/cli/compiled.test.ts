import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { readDemoFile } from '../server/demo-file.js'
import { emptyTestStorage, type TestStorage } from '../server/test-storage.js'

// Production runs the compiled server (`pnpm build`, then `node dist/cli/main.js serve`): it must
// hold everything the TypeScript run has, the files read beside the code included. Each database's
// run builds into its own directory, so that the two never write over each other.

const dialect = process.env.RELAIS_TEST_DIALECT ?? 'pglite'
const outDir = `.tmp/compiled-${dialect}`
let storage: TestStorage
let server: ChildProcess | undefined

beforeAll(async () => {
  storage = await emptyTestStorage('compiled')
})
afterAll(async () => {
  server?.kill('SIGTERM')
  await new Promise((resolve) => server?.once('exit', resolve) ?? resolve(undefined))
  await storage.remove()
})

it('builds, then serves the demo from JavaScript alone', { timeout: 120_000 }, async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', outDir], { stdio: 'ignore' })
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  server = spawn(process.execPath, [`${outDir}/cli/main.js`, 'serve', '--demo', '--port', String(port)], {
    env: {
      ...process.env,
      RELAIS_DATA_DIR: storage.dataDir,
      DATABASE_URL: storage.databaseUrl ?? '',
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stdout?.on('data', (chunk) => (output += chunk))
  server.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  for (let ready = false; !ready; await new Promise((resolve) => setTimeout(resolve, 200))) {
    expect(server.exitCode, output).toBeNull()
    ready = (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200 && output.includes('running at')
  }
  expect(server.spawnargs.join(' ')).not.toMatch(/tsx|\.ts\b/)
  const key = readDemoFile(storage.dataDir)?.publishable_key ?? ''
  const get = (path: string) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } })
  const place = await get('/v1/places/75011')
  expect(place.status).toBe(200)
  expect(((await place.json()) as { communes: { name: string }[] }).communes[0]?.name).toBe('Paris 11e Arrondissement')
  expect((await get('/v1/initiatives?limit=1')).status).toBe(200)
  expect((await fetch(`${url}/openapi.json`)).status).toBe(200)
})
