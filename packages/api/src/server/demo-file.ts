import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { UsageError } from './environment.js'

/** What `demo.json` holds: the demo organization and its two keys, for people and scripts. */
export interface DemoInfo {
  organization_id: string
  publishable_key: string
  secret_key: string
  api_url: string
}

export function demoFilePath(dataDir: string): string {
  return join(dataDir, 'demo.json')
}

export function readDemoFile(dataDir: string): DemoInfo | undefined {
  const file = demoFilePath(dataDir)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    const info = JSON.parse(text) as Partial<DemoInfo>
    if (
      typeof info.organization_id === 'string' &&
      typeof info.publishable_key === 'string' &&
      typeof info.secret_key === 'string'
    ) {
      return { ...info, api_url: String(info.api_url ?? '') } as DemoInfo
    }
  } catch {}
  throw new UsageError(`${file} is not a demo file written by Relais. Move it away and start again.`)
}

/** Writes demo.json readable by its owner only: it holds a secret key that can do everything. */
export function writeDemoFile(dataDir: string, info: DemoInfo): string {
  const file = demoFilePath(dataDir)
  mkdirSync(dataDir, { recursive: true })
  const draft = `${file}.${process.pid}.tmp`
  writeFileSync(draft, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 })
  chmodSync(draft, 0o600)
  renameSync(draft, file)
  return file
}
