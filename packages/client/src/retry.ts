/** How a request is tried again after 429, 503 or a network error. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number
  /** The first wait when the server does not say how long, doubled at each retry. Default 500 ms. */
  minDelayMs?: number
  /**
   * The longest wait. A `Retry-After` beyond it is not waited for: the 429 or 503 is returned as
   * it came, so a screen never hangs for minutes. Default 20 s.
   */
  maxDelayMs?: number
}

export type RetryPolicy = Required<RetryOptions>

export function retryPolicy(options: RetryOptions | false = {}): RetryPolicy {
  if (options === false) return { retries: 0, minDelayMs: 0, maxDelayMs: 0 }
  const { retries = 3, minDelayMs = 500, maxDelayMs = 20_000 } = options
  return { retries, minDelayMs, maxDelayMs }
}

/** The wait a `Retry-After` header asks for, in ms (RFC 9110: seconds or an HTTP date). */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Exponential backoff with jitter, so that clients rejected together do not come back together. */
export function backoffMs(retry: number, { minDelayMs, maxDelayMs }: RetryPolicy): number {
  return Math.min(maxDelayMs, minDelayMs * 2 ** retry * (0.5 + Math.random() / 2))
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
