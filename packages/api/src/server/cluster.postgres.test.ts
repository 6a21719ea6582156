import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyTestStorage, type TestStorage } from './test-storage.js'

// `relais serve --workers 2` on PostgreSQL: two processes share the port and both answer.

let storage: TestStorage
let primary: ChildProcess | undefined

beforeAll(async () => {
  storage = await emptyTestStorage('cluster')
})
afterAll(async () => {
  if (primary && primary.exitCode === null) {
    const exited = new Promise((resolve) => primary?.once('exit', resolve))
    const workers = childrenOf(primary.pid ?? 0)
    primary.kill('SIGTERM')
    // A primary stopped while it forks a replacement may hang on: it and its workers are then killed.
    const late = setTimeout(() => {
      for (const pid of [...workers, primary?.pid ?? 0]) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {}
      }
    }, 15_000)
    await exited
    clearTimeout(late)
  }
  await storage.remove()
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

const childrenOf = (pid: number) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid
      } catch {
        return false
      }
    })
    .map(Number)
    // tsx's esbuild service is a child too.
    .filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('main.ts'))

/** Socket inodes of the established connections to `port`, from /proc/net/tcp. */
function establishedInodes(port: number): Set<string> {
  const hex = port.toString(16).toUpperCase().padStart(4, '0')
  const lines = readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)
  return new Set(
    lines
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${hex}`) && cols[3] === '01')
      .map((cols) => cols[9] ?? ''),
  )
}

function ownsOneOf(pid: number, inodes: Set<string>): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return inodes.has(/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? '')
      } catch {
        return false
      }
    })
  } catch {
    return false
  }
}

const get = (port: number, agent: Agent) =>
  new Promise<number>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/readyz', agent }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
      .on('error', reject)
      .end()
  })

async function waitReady(port: number) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the cluster did not become ready')
}

describe('relais serve --workers', () => {
  it('runs two processes on one port that both answer, and replaces one that dies', { timeout: 90_000 }, async () => {
    const port = await freePort()
    let output = ''
    primary = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--workers', '2', '--port', String(port)],
      {
        env: { ...process.env, DATABASE_URL: storage.databaseUrl, RELAIS_RATE_LIMITS: 'off' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    primary.stdout?.on('data', (chunk) => (output += chunk))
    primary.stderr?.on('data', (chunk) => (output += chunk))
    await waitReady(port)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const workers = childrenOf(primary.pid ?? 0)
    expect(workers, output).toHaveLength(2)

    // Eight kept-alive connections: the primary hands them out in turn, so each worker holds some.
    const agent = new Agent({ keepAlive: true, maxSockets: 8 })
    const statuses = await Promise.all(Array.from({ length: 8 }, () => get(port, agent)))
    expect(statuses.every((status) => status === 200)).toBe(true)
    const inodes = establishedInodes(port)
    expect(workers.filter((pid) => ownsOneOf(pid, inodes))).toHaveLength(2)
    agent.destroy()

    // A connection handed to the dead worker in the instant before the primary notices is reset, as
    // it would be for any client of a crashed process: the port keeps answering once retried.
    process.kill(workers[0] ?? 0, 'SIGKILL')
    await waitReady(port)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await waitReady(port)
    const after = childrenOf(primary.pid ?? 0)
    expect(after).toHaveLength(2)
    expect(after).not.toContain(workers[0])
  })
})
