import type { Hook } from '@hono/zod-openapi'
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Env } from 'hono'
import { problem } from '../../middleware/problem-details/index.js'
import './messages.js'
import { maxFieldErrors } from './schemas.js'

// Zod issues become `errors[]` with dotted paths, prefixed by where the value came from when it
// was not the body, so a widget can put each message next to its field.
const validationProblem: Hook<unknown, Env, string, unknown> = (result, c) => {
  if (result.success) return
  const where = (result as { target?: string }).target
  // The first issues are enough to fix a request; a body of thousands of bad items gets no longer answer.
  const errors = result.error.issues.slice(0, maxFieldErrors).map((issue) => {
    const path = issue.path.map(String).join('.')
    const prefix = where && where !== 'json' ? `${where === 'param' ? 'path' : where}${path ? '.' : ''}` : ''
    return { path: `${prefix}${path}` || '(body)', message: issue.message }
  })
  return problem(c, 400, {
    title: 'Validation failed',
    detail: 'Some fields are missing or invalid; see errors.',
    errors,
  })
}

/** A router for one resource, sharing the app's validation answer. */
export function createRouter(): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: validationProblem })
}
