// Starts the real Relais API, with its demo data, in a child process on a free port: the client
// knows the API only over HTTP, as it will in production.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface DemoApi {
  baseUrl: string
  secretKey: string
  publishableKey: string
  organizationId: string
}

const apiPackage = new URL('../../api/', import.meta.url)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(address)))
    })
    server.on('error', reject)
  })
}

async function waitForHealth(url: string, child: ChildProcess, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the API did not answer at ${url} within ${seconds} s`)
}

export async function startDemoApi(): Promise<{ api: DemoApi; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-client-'))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--demo'], {
    cwd: apiPackage,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RELAIS_DATA_DIR: dataDir,
      RELAIS_PUBLIC_URL: baseUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (chunk) => (log += chunk))
  child.stderr?.on('data', (chunk) => (log += chunk))
  try {
    await waitForHealth(baseUrl, child)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}\n${log}`)
  }
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'))
  return {
    api: {
      baseUrl,
      secretKey: demo.secret_key,
      publishableKey: demo.publishable_key,
      organizationId: demo.organization_id,
    },
    async stop() {
      child.kill('SIGTERM')
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
