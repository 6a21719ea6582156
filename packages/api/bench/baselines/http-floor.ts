import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type LoadResult, runLoad } from '../load.js'
import { apiDirectory, freePort, stopChild, waitReady } from '../server.js'

/**
 * Autocannon against a bare node:http server that answers `body` (the list's real answer) from
 * memory, with the same connections and duration: what this machine can do at best over HTTP.
 */
export async function httpFloor(
  body: string,
  workDir: string,
  duration: number,
  connections: number,
): Promise<LoadResult> {
  const bodyFile = join(workDir, 'list-body.json')
  writeFileSync(bodyFile, body)
  const port = await freePort()
  const script = fileURLToPath(new URL('./http-floor-server.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script, bodyFile, String(port)], {
    cwd: apiDirectory,
    stdio: 'ignore',
  })
  try {
    await waitForPort(`http://127.0.0.1:${port}`)
    return await runLoad({
      url: `http://127.0.0.1:${port}/v1/initiatives`,
      server: () => (child.pid ? [child.pid] : []),
      connections,
      duration,
    })
  } finally {
    await stopChild(child)
  }
}

async function waitForPort(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      await (await fetch(url)).arrayBuffer()
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  await waitReady(url, undefined, 1)
}
