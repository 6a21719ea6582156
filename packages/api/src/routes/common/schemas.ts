import { z } from '@hono/zod-openapi'

// The bounds of problem fields: an answer never grows with what a client sent beyond these (see
// `validationProblem`, which keeps the first `maxFieldErrors` issues).
export const maxFieldErrors = 100

export const FieldErrorSchema = z.object({
  path: z.string().max(200).openapi({ example: 'email' }),
  message: z.string().max(1000).openapi({ example: 'Enter a valid e-mail address.' }),
})

export const ProblemSchema = z
  .object({
    type: z.string().max(200).openapi({ format: 'uri', example: 'https://relais.dev/problems/bad-request' }),
    title: z.string().max(200).openapi({ example: 'Bad Request' }),
    status: z.number().int().min(400).max(599).openapi({ format: 'int32', example: 400 }),
    // A detail may quote a request header (an Origin), which the HTTP server bounds at 16 KB.
    detail: z.string().max(20_000),
    instance: z.string().max(16_384).openapi({ example: '/v1/signups' }),
    errors: z.array(FieldErrorSchema).max(maxFieldErrors).optional(),
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
  500: 'Something failed on our side; it was logged. Try again later.',
} as const

type ProblemStatus = keyof typeof problemDescriptions

// Every operation may answer these: the rate limit covers all of /v1, and any failure of ours is a 500.
const alwaysPossible = [429, 500] as const

const retryAfter = {
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer' as const, format: 'int32', minimum: 0, maximum: 86_400 },
  },
}

/** Problem answers for a route's OpenAPI entry; 429 and 500 are always added. */
export function problems<S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(
    [...new Set<ProblemStatus>([...statuses, ...alwaysPossible])].map((status) => [
      status,
      {
        description: problemDescriptions[status],
        ...(status === 429 ? { headers: retryAfter } : {}),
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  ) as unknown as {
    [K in S | (typeof alwaysPossible)[number]]: {
      description: string
      content: { 'application/problem+json': { schema: typeof ProblemSchema } }
    }
  }
}

/** A JSON body for a route's `responses` or `request.body`. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } }
}

// A cursor encodes the sort key of the last item: a group name of 200 characters that JSON escapes
// (6 bytes each) still fits in base64url.
const maxCursorLength = 2000

export const ListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Items per page, 1–100.', example: 20, format: 'int32' }),
  cursor: z
    .string()
    .max(maxCursorLength)
    .optional()
    .openapi({ description: 'The `next_cursor` of the previous page.' }),
})

/** The envelope of every list: a page of items and the cursor of the next one (null at the end). */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item).max(100),
      next_cursor: z
        .string()
        .max(maxCursorLength)
        .regex(/^[A-Za-z0-9_-]+$/)
        .nullable(),
    })
    .openapi(name, { description: `A page of ${name.replace(/Page$/, '').toLowerCase()} items.` })
}

// Ids are a prefix and up to 40 base-32 characters: the pattern bounds their length.
const idPattern = (prefix: string) => new RegExp(`^${prefix}_[0-9a-z]{1,40}$`)
const idShape = (prefix: string) => ({ maxLength: prefix.length + 41, example: `${prefix}_06f3k2n8q1v7x0b4c9d2e5h8j1` })

/** A path parameter holding an id with the given prefix. */
export function idParam(prefix: string, description: string) {
  return z
    .string()
    .regex(idPattern(prefix), `Expected an id starting with ${prefix}_.`)
    .openapi({ description, ...idShape(prefix) })
}

/** An id with the given prefix in an answer, such as `grp_06f3…`. */
export function idOf(prefix: string) {
  return z.string().regex(idPattern(prefix)).openapi(idShape(prefix))
}

export const Timestamp = z.string().max(30).openapi({ format: 'date-time', example: '2026-12-05T18:30:00Z' })

/** An RFC 3339 time a client sends; the length bound keeps fractions of a second reasonable. */
export const DateTimeInput = z.iso.datetime({ offset: true }).max(40)

/** A count in an answer. */
export const Count = z.number().int().min(0).max(2_147_483_647).openapi({ format: 'int32' })

/** An e-mail address in an answer. */
export const EmailOut = z.string().max(254).openapi({ format: 'email', example: 'camille.martin@example.org' })

/** A link in an answer. */
export const UrlOut = z.string().max(2000).openapi({ format: 'uri' })

/** A language of the e-mails and texts. */
export const LanguageOut = z
  .string()
  .max(2)
  .regex(/^(fr|en)$/)
  .openapi({ example: 'fr' })

export const Postcode = z
  .string()
  .regex(/^\d{5}$/, 'A French postcode has five digits.')
  .openapi({ example: '75011', maxLength: 5 })

/** An ETag response header. */
export const etagHeaderSchema = { type: 'string' as const, maxLength: 64, pattern: '^"[0-9a-z.-]+"$' }

/** The `If-None-Match` request header of conditional reads. */
export const IfNoneMatchHeader = z.object({
  'if-none-match': z.string().max(1000).optional().openapi({ description: 'An ETag you hold: 304 if still current.' }),
})

/**
 * The answers of a public read: 200 with an ETag and its caching rules, or 304 without a body to a
 * caller that sent the current ETag in `If-None-Match`.
 */
export function cacheableJson<T extends z.ZodType>(schema: T, description: string) {
  const etag = { ETag: { description: 'This answer, for `If-None-Match`.', schema: etagHeaderSchema } }
  return {
    200: {
      ...json(schema, description),
      headers: {
        ...etag,
        'Cache-Control': {
          description:
            'Publishable keys: `public, max-age=1, stale-while-revalidate=10, stale-if-error=600` ' +
            '(longer where the data is stable); secret keys: `private, no-cache`.',
          schema: { type: 'string' as const, maxLength: 200 },
        },
      },
    },
    304: { description: 'Unchanged since the ETag in `If-None-Match`.', headers: etag },
  }
}

/** A `Location` response header: the URL of what was created. */
export const locationHeader = (description: string) => ({
  description,
  schema: { type: 'string' as const, format: 'uri', maxLength: 2000 },
})

export const HttpUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'Only http and https links are accepted.')
