import { existsSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoSlug } from './demo.js'
import { readDemoFile } from './demo-file.js'
import { type RunningServer, startServer } from './start.js'
import { emptyTestStorage, type TestStorage } from './test-storage.js'

let storage: TestStorage
let dataDir: string
const lines: string[] = []
const log = (line: string) => lines.push(line)

beforeAll(async () => {
  storage = await emptyTestStorage('start')
  dataDir = storage.dataDir
})
afterAll(() => storage.remove())

/** How many organizations there are, and how many are the demo: a fresh database holds only it. */
async function organizations(running: RunningServer) {
  const rows = await running.database.db.selectFrom('organizations').select('slug').execute()
  return { all: rows.length, demo: rows.filter((row) => row.slug === demoSlug).length }
}

function get(running: RunningServer, path: string, key?: string, origin?: string) {
  const headers: Record<string, string> = {}
  if (key) headers.authorization = `Bearer ${key}`
  if (origin) headers.origin = origin
  return fetch(`http://127.0.0.1:${running.port}${path}`, { headers })
}

describe('startServer', () => {
  it('seeds the demo on first start, writes demo.json with working keys, and serves', {
    timeout: 120_000,
  }, async () => {
    const running = await startServer({
      dataDir: storage.dataDir,
      databaseUrl: storage.databaseUrl,
      port: 0,
      demo: true,
      log,
    })
    try {
      expect((await get(running, '/healthz')).status).toBe(200)
      const info = readDemoFile(dataDir)
      expect(info?.api_url).toBe(`http://localhost:${running.port}`)
      expect(statSync(join(dataDir, 'demo.json')).mode & 0o777).toBe(0o600)
      const origin = `http://localhost:${running.port}`
      const groups = await get(running, '/v1/groups', info?.publishable_key, origin)
      expect(groups.status).toBe(200)
      expect(groups.headers.get('access-control-allow-origin')).toBe(origin)
      expect((await get(running, '/v1/keys', info?.secret_key)).status).toBe(200)
      const home = await (await get(running, '/')).text()
      expect(home).toContain(`<relais-config key="${info?.publishable_key}"`)
      expect(lines.join('\n')).toContain(`Relais is running at http://localhost:${running.port}`)
      expect(lines.join('\n')).toContain(info?.secret_key)
    } finally {
      await running.close()
    }
  })

  it('starts again on the same data without seeding twice, and allows the new port', { timeout: 60_000 }, async () => {
    const first = readDemoFile(dataDir)
    lines.length = 0
    const running = await startServer({
      dataDir: storage.dataDir,
      databaseUrl: storage.databaseUrl,
      port: 0,
      demo: true,
      log,
    })
    try {
      expect(readDemoFile(dataDir)).toMatchObject({
        organization_id: first?.organization_id,
        publishable_key: first?.publishable_key,
        secret_key: first?.secret_key,
      })
      expect(await organizations(running)).toEqual({ all: 1, demo: 1 })
      expect(lines.join('\n')).not.toContain('Seeding')
      const origin = `http://127.0.0.1:${running.port}`
      expect((await get(running, '/v1/groups', first?.publishable_key, origin)).status).toBe(200)
    } finally {
      await running.close()
    }
  })

  it('does not seed again when demo.json was lost, and says how to get keys', { timeout: 60_000 }, async () => {
    unlinkSync(join(dataDir, 'demo.json'))
    lines.length = 0
    const running = await startServer({
      dataDir: storage.dataDir,
      databaseUrl: storage.databaseUrl,
      port: 0,
      demo: true,
      log,
    })
    try {
      expect(await organizations(running)).toEqual({ all: 1, demo: 1 })
      expect(lines.join('\n')).toContain('relais keys create --org')
      expect(existsSync(join(dataDir, 'demo.json'))).toBe(false)
      expect(await (await get(running, '/')).text()).not.toContain('<relais-config')
    } finally {
      await running.close()
    }
  })

  it('names the port when it is taken, before touching the database', async () => {
    const blocker: Server = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const elsewhere = mkdtempSync(join(tmpdir(), 'relais-start-busy-'))
    try {
      await expect(startServer({ dataDir: elsewhere, port, log })).rejects.toThrow(`Port ${port}`)
      expect(existsSync(join(elsewhere, 'PG_VERSION'))).toBe(false)
    } finally {
      blocker.close()
      rmSync(elsewhere, { recursive: true, force: true })
    }
  })
})
