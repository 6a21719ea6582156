import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError, type DomainErrorKind, type FieldError } from '../../domain/errors.js'

export interface ProblemInit {
  title?: string
  detail: string
  errors?: FieldError[]
  headers?: Record<string, string>
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

const domainStatus: Record<DomainErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
}

/**
 * An RFC 9457 problem answer. `type` names the status in the reference, so every refusal of one
 * kind links to one explanation.
 *
 * @example
 * return problem(c, 404, { detail: 'Group grp_… was not found.' })
 */
export function problem(c: Context, status: ContentfulStatusCode, init: ProblemInit): Response {
  const title = init.title ?? titles[status] ?? 'Error'
  const body = {
    type: `https://relais.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    title,
    status,
    detail: init.detail,
    instance: c.req.path,
    ...(init.errors ? { errors: init.errors } : {}),
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...Object.fromEntries(c.res.headers), ...init.headers, 'content-type': 'application/problem+json' },
  })
}

const httpDetails: Record<number, string> = {
  400: 'The request body is not valid JSON.',
  413: 'The request body is larger than this API accepts (100 KB).',
  415: 'Send the request body as JSON with `Content-Type: application/json`.',
}

/** Every error becomes a problem; unexpected ones are logged and answered without internals. */
export const onError: ErrorHandler = (error, c) => {
  if (error instanceof DomainError) {
    return problem(c, domainStatus[error.kind], {
      detail: error.message,
      ...(error.errors.length ? { errors: error.errors } : {}),
    })
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode
    return problem(c, status, { detail: httpDetails[status] ?? error.message })
  }
  console.error(`[relais] ${c.req.method} ${c.req.path} failed:`, error)
  return problem(c, 500, { detail: 'Something went wrong on our side. It was logged; try again later.' })
}

/**
 * Unknown paths answer 404, known paths with another method 405 with `Allow`, both as problems.
 * `routes` lists the app's method/path pairs (Hono syntax, `:param`).
 */
export function notFound(routes: () => { method: string; path: string }[]): NotFoundHandler {
  let patterns: { method: string; pattern: RegExp }[] | undefined
  return function notFoundProblem(c) {
    patterns ??= routes()
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({
        method: r.method,
        pattern: new RegExp(`^${r.path.replace(/:[^/]+/g, '[^/]+').replace(/\*/g, '.*')}$`),
      }))
    const allowed = [...new Set(patterns.filter((p) => p.pattern.test(c.req.path)).map((p) => p.method))]
    // A route that exists for this method but found nothing to answer (an unknown file, say) is a 404.
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      const allow = [...allowed, 'OPTIONS'].join(', ')
      return problem(c, 405, { detail: `${c.req.method} is not allowed here. Allowed: ${allow}.`, headers: { allow } })
    }
    return problem(c, 404, { detail: `There is nothing at ${c.req.path}. The API reference is at /docs.` })
  }
}
