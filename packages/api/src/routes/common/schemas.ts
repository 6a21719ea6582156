import { z } from '@hono/zod-openapi'

export const FieldErrorSchema = z.object({
  path: z.string().openapi({ example: 'email' }),
  message: z.string().openapi({ example: 'Enter a valid e-mail address.' }),
})

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://relais.dev/problems/bad-request' }),
    title: z.string().openapi({ example: 'Bad Request' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string(),
    instance: z.string().openapi({ example: '/v1/signups' }),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem: every non-2xx answer has this shape.' })

const problemDescriptions = {
  400: 'The request is invalid; `errors` says where.',
  401: 'No API key, or an unknown or revoked one.',
  403: 'The key may not do this, or the browser origin is not allowed.',
  404: 'Not found (or belongs to another organization).',
  409: 'Conflicts with the current state.',
  412: 'The `If-Match` version is not the current one.',
  413: 'The body is too large.',
  415: 'The body is not JSON.',
  422: 'Understood but refused.',
  429: 'Too many requests; see `Retry-After`.',
} as const

type ProblemStatus = keyof typeof problemDescriptions

/** Problem answers for a route's OpenAPI entry. */
export function problems<S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: problemDescriptions[status], content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  ) as unknown as {
    [K in S]: { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
  }
}

/** A JSON body for a route's `responses` or `request.body`. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } }
}

export const ListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Items per page, 1–100.', example: 20 }),
  cursor: z.string().max(500).optional().openapi({ description: 'The `next_cursor` of the previous page.' }),
})

/** The envelope of every list: a page of items and the cursor of the next one (null at the end). */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({ data: z.array(item), next_cursor: z.string().nullable() })
    .openapi(name, { description: `A page of ${name.replace(/Page$/, '').toLowerCase()} items.` })
}

/** A path parameter holding an id with the given prefix. */
export function idParam(prefix: string, description: string) {
  return z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9a-z]{1,40}$`), `Expected an id starting with ${prefix}_.`)
    .openapi({ description, example: `${prefix}_06f3k2n8q1v7x0b4c9d2e5h8j1` })
}

export const Timestamp = z.string().openapi({ format: 'date-time', example: '2026-12-05T18:30:00Z' })

export const Postcode = z
  .string()
  .regex(/^\d{5}$/, 'A French postcode has five digits.')
  .openapi({ example: '75011' })

export const HttpUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'Only http and https links are accepted.')
