import type { OpenAPIHono } from '@hono/zod-openapi'

type Document = ReturnType<OpenAPIHono['getOpenAPI31Document']>
type Response = { $ref: string } | { headers?: Record<string, unknown> }

/**
 * Headers that the shared middleware of /v1 may put on every answer, whatever the operation: the
 * rate limit (IETF draft-ietf-httpapi-ratelimit-headers, as the design says: on every answer) and
 * the CORS origin that `requireKey` echoes for a key's allowed origins.
 */
export const commonHeaders = {
  RateLimit: {
    description:
      'The quota left in the current window, such as `"default";r=97;t=42` (IETF draft RateLimit header fields). ' +
      'Sent when the server limits the rate of requests.',
    schema: { type: 'string', maxLength: 200, pattern: '^[ -~]*$' },
  },
  'RateLimit-Policy': {
    description:
      'The quota policy, such as `"default";q=100;w=60`: requests allowed per window of seconds. ' +
      'Sent when the server limits the rate of requests.',
    schema: { type: 'string', maxLength: 200, pattern: '^[ -~]*$' },
  },
  'Access-Control-Allow-Origin': {
    description: 'The calling page’s origin, when the publishable key allows it (browsers only).',
    schema: { type: 'string', maxLength: 300, format: 'uri' },
  },
} as const

const refs = Object.fromEntries(
  Object.keys(commonHeaders).map((name) => [name, { $ref: `#/components/headers/${name}` }]),
)

/** The document with the common headers declared once and referenced from every /v1 answer. */
export function withCommonHeaders(document: Document): Document {
  const paths = Object.fromEntries(
    Object.entries(document.paths ?? {}).map(([path, item]) => {
      if (!path.startsWith('/v1/') || !item) return [path, item]
      const operations = Object.entries(item).map(([method, operation]) => {
        if (!operation || typeof operation !== 'object' || !('responses' in operation)) return [method, operation]
        const declared = (operation as { responses?: Record<string, Response> }).responses ?? {}
        const responses = Object.fromEntries(
          Object.entries(declared).map(([status, response]) => [
            status,
            '$ref' in response ? response : { ...response, headers: { ...response.headers, ...refs } },
          ]),
        )
        return [method, { ...operation, responses }]
      })
      return [path, Object.fromEntries(operations)]
    }),
  )
  return {
    ...document,
    components: { ...document.components, headers: { ...document.components?.headers, ...commonHeaders } },
    paths,
  }
}
