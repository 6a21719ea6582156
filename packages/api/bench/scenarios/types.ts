import type { BenchManifest } from '../generate/index.js'
import type { LoadResult } from '../load.js'

export interface ScenarioContext {
  manifest: BenchManifest
  /** The API under test. */
  url: string
  /** Pids whose RSS counts as the server's. */
  pids: () => number[]
  duration: number
  connections: number
  log: (line: string) => void
}

export interface ScenarioResult {
  name: string
  load?: LoadResult
  /** Max RSS of the server process(es) during the scenario, MB. */
  rssMb: number
  /** Pass/fail facts checked after the load, in words, and extra figures. */
  checks: { label: string; ok: boolean; detail: string }[]
  figures?: Record<string, number | string>
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` })
