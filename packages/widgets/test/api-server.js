// Starts a real Relais API with the demo data for the browser tests, and a publishable key that
// allows the test page's origin. The widgets know the API only over HTTP, as on a real site.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const apiPackage = new URL('../../api/', import.meta.url)

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

async function waitForHealth(url, child, seconds = 180) {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the API did not answer at ${url} within ${seconds} s`)
}

/** @param {{ pageOrigins: string[] }} options */
export async function startApi({ pageOrigins }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-widgets-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--demo'], {
    cwd: apiPackage,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RELAIS_DATA_DIR: dataDir,
      RELAIS_PUBLIC_URL: url,
      // The tests send many forms from one address: the API's own tests cover the rate limits. The
      // forms still fetch, solve and send a proof of work, only an easier one.
      RELAIS_RATE_LIMITS: 'off',
      RELAIS_PROOF_OF_WORK: '5000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  try {
    await waitForHealth(url, child)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${error.message}\n${log}`)
  }
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'))
  const created = await fetch(`${url}/v1/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demo.secret_key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'publishable', name: 'Widget tests', allowed_origins: pageOrigins }),
  })
  if (!created.ok) throw new Error(`could not create the test key: ${created.status} ${await created.text()}`)
  const { token } = await created.json()
  return {
    info: { api: url, key: token, organizationId: demo.organization_id },
    secretKey: demo.secret_key,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
