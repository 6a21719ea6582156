import autocannon from 'autocannon'
import { type CpuPerRequest, countCpu } from './cpu.js'

export interface LoadResult {
  requestsPerSecond: number
  p50: number
  p99: number
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number
  non2xx: number
  total: number
  statusCodes: Record<string, number>
  /** CPU spent per request by the server under test and by PostgreSQL, while loaded. */
  cpu?: CpuPerRequest
}

export type LoadOptions = autocannon.Options & {
  /** The processes of the server under test, whose CPU is counted. */
  server?: () => number[]
}

/** One autocannon run; latencies in ms. */
export async function runLoad({ server, ...options }: LoadOptions): Promise<LoadResult> {
  const cpu = server ? countCpu(server) : undefined
  const result = await autocannon({ ...options, connections: options.connections ?? 50 })
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, (stats as { count: number }).count]),
  )
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    total: result.requests.total,
    statusCodes,
    cpu: cpu?.stop(result.requests.total),
  }
}
