import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { DbFloorResult } from './baselines/db-floor.js'
import type { EmailDrain } from './email-drain.js'
import type { LoadResult } from './load.js'
import type { ScenarioResult } from './scenarios/types.js'

/** Where each tool leaves its figures (JSON), from which RESULTS.md is written. */
export const resultsDirectory = fileURLToPath(new URL('./results/', import.meta.url))

export interface Machine {
  cpus: string
  cores: number
  memoryGb: number
  node: string
  postgres: string
  os: string
  date: string
}

export interface ScaleRun {
  scale: number
  duration: number
  connections: number
  /** API processes (`relais serve --workers`). */
  workers?: number
  machine: Machine
  counts: Record<string, number>
  generation?: { seconds: number; tables: { table: string; rows: number; seconds: number }[] }
  httpFloor?: LoadResult
  dbFloor?: DbFloorResult
  scenarios: ScenarioResult[]
  /** The sign-ups' e-mails, sent by one worker after the load. */
  emailDrain?: EmailDrain
  plans: { label: string; sql: string; plan: string }[]
  idleRssMb: number
}

export function saveResult(name: string, value: unknown): void {
  mkdirSync(resultsDirectory, { recursive: true })
  writeFileSync(`${resultsDirectory}${name}.json`, `${JSON.stringify(value, null, 2)}\n`)
}

export function loadResult<T>(name: string): T | undefined {
  const file = `${resultsDirectory}${name}.json`
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined
}

export function scaleRuns(): ScaleRun[] {
  if (!existsSync(resultsDirectory)) return []
  return readdirSync(resultsDirectory)
    .filter((file) => /^scale-.*\.json$/.test(file))
    .map((file) => JSON.parse(readFileSync(`${resultsDirectory}${file}`, 'utf8')) as ScaleRun)
    .sort((a, b) => a.scale - b.scale || (a.workers ?? 1) - (b.workers ?? 1))
}
