/**
 * The Standard Webhooks retry schedule: seconds to wait before each attempt, the first at once.
 * Eight attempts over about 27 hours: a receiver down for a night still gets everything.
 */
export const retryDelaysSeconds = [0, 5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const

export const maxAttempts = retryDelaysSeconds.length

/**
 * When the attempt after `attempt` (1 for the first) is due, or null when it was the last. pg-boss
 * only backs off exponentially, so the delivery job schedules each next attempt itself.
 */
export function nextAttemptAt(attempt: number, now: Date, scale = 1): Date | null {
  const delay = retryDelaysSeconds[attempt]
  if (delay === undefined) return null
  return new Date(now.getTime() + delay * 1000 * scale)
}
