export interface ReadinessWatch {
  /** Per URL: when /readyz answered something else than 200, and what (`503`, `no answer`). */
  notReady: Map<string, { at: number; status: string }[]>
  /** Per URL: the statuses seen, counted. */
  statuses: Map<string, Record<string, number>>
  stop(): void
}

/** Polls /readyz of each API every 100 ms, remembering when and how it answered. */
export function watchReadiness(urls: string[]): ReadinessWatch {
  const notReady = new Map(urls.map((url) => [url, [] as { at: number; status: string }[]]))
  const statuses = new Map(urls.map((url) => [url, {} as Record<string, number>]))
  let stopped = false
  const poll = async (url: string) => {
    while (!stopped) {
      const at = performance.now()
      let status = 'no answer'
      try {
        const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) })
        await response.arrayBuffer()
        status = String(response.status)
      } catch {}
      const counts = statuses.get(url) ?? {}
      counts[status] = (counts[status] ?? 0) + 1
      if (status !== '200') notReady.get(url)?.push({ at, status })
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  for (const url of urls) void poll(url)
  return {
    notReady,
    statuses,
    stop() {
      stopped = true
    },
  }
}

/** First time at or after `since` when /readyz of `url` answered 200, polling every 50 ms. */
export async function firstReady(url: string, timeoutMs: number): Promise<number | undefined> {
  const started = performance.now()
  while (performance.now() - started < timeoutMs) {
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) })
      await response.arrayBuffer()
      if (response.status === 200) return performance.now()
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return undefined
}
