import type { components } from './schema.js'

/** An RFC 9457 problem: the body of every non-2xx answer of the Relais API. */
export type Problem = components['schemas']['Problem']

/**
 * Whether `value` is a problem document. A call's `error` is already typed as one where the
 * contract declares it; this narrows `unknown` too, such as what a `catch` holds.
 *
 * @example
 * const { error } = await relais.POST('/v1/members', { body })
 * if (isProblem(error)) for (const { path, message } of error.errors ?? []) console.log(path, message)
 */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false
  const { type, title, status } = value as Record<string, unknown>
  return typeof type === 'string' && typeof title === 'string' && typeof status === 'number'
}

/** Thrown where no `{ data, error }` pair can be returned, such as by `paginate`. */
export class RelaisError extends Error {
  override name = 'RelaisError'
  /** The problem the server answered, unless its answer was not one (a proxy's error page). */
  readonly problem: Problem | undefined
  readonly response: Response

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body) ? body : undefined
    super(
      problem ? `${problem.status} ${problem.title}: ${problem.detail}` : `${response.status} ${response.statusText}`,
    )
    this.problem = problem
    this.response = response
  }
}
