import fc from 'fast-check'
import { garbage, mutate, mutation, rawBody } from './mutations.js'
import type { Operation, Parameter, SchemaObject } from './openapi.js'
import { idOf, type Pools, trickyText, valueFor } from './values.js'

/** One generated request, ready for `app.request`. */
export interface FuzzRequest {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
  /** Sent this many times at once: concurrent writes must not race into a unique or foreign-key violation. */
  copies: number
}

type Resolve = (schema: SchemaObject) => SchemaObject

// Lone surrogates cannot be percent-encoded: they become U+FFFD, as a browser would send them.
const encode = (text: string) =>
  encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'))

// What an address can carry that a client should never send: broken percent-encodings, dot
// segments, encoded slashes, and text long enough to stress every parser on the way.
const rawSegment = fc.constantFrom('%', '%zz', '%E0%A4%A', '%FF', '%C0%AF', '..', '%2F', '%2e%2e', '%00', '~', '%20')

function pathValue(pools: Pools, parameter: Parameter, resolve: Resolve): fc.Arbitrary<string> {
  const schema = resolve(parameter.schema)
  const prefix = /^\^([a-z]{3})_/.exec(schema.pattern ?? '')?.[1]
  const valid = prefix ? idOf(pools, prefix) : valueFor(schema, resolve, pools).map(String)
  return fc.oneof(
    { arbitrary: valid.map(encode), weight: 6 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(encode), weight: 2 },
    { arbitrary: trickyText.filter((t) => t.length > 0).map(encode), weight: 1 },
    { arbitrary: fc.integer({ min: 500, max: 4000 }).map((n) => `${prefix ?? 'x'}_${'a'.repeat(n)}`), weight: 1 },
    { arbitrary: rawSegment, weight: 1 },
  )
}

/** Cursors that decode, with keys of every type: the pagination must refuse what it did not give out. */
const cursor = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')),
  fc
    .array(fc.oneof(fc.string({ maxLength: 30 }), fc.double(), fc.integer(), fc.constant('2026-12-05T18:30:00.000Z')), {
      maxLength: 3,
    })
    .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')),
  fc.string({ maxLength: 40 }),
)

const wrongQueryValue = fc.oneof(
  fc.constantFrom(
    '',
    'abc',
    '-1',
    '0',
    '1.5',
    '1e308',
    '-0',
    'NaN',
    'Infinity',
    '99999999999999999999',
    'true',
    'null',
  ),
  fc.constantFrom('0x10', ' 20', '20 ', '+5', '2026-12-05', '2026-12-05T18:30:00Z', 'a,b,,c', ',,,'),
  trickyText,
  fc.integer({ min: 1000, max: 6000 }).map((n) => 'q'.repeat(n)),
)

function queryValue(pools: Pools, parameter: Parameter, resolve: Resolve): fc.Arbitrary<string | string[]> {
  if (parameter.name === 'key') {
    return fc.constantFrom(pools.publishableKey, pools.secretKey, 'pk_live_unknown', 'pk_', '', 'sk_')
  }
  if (parameter.name === 'cursor') return cursor
  const valid = valueFor(resolve(parameter.schema), resolve, pools).map((v) =>
    Array.isArray(v) ? v.map(String) : String(v),
  )
  return fc.oneof(
    { arbitrary: valid, weight: 4 },
    { arbitrary: wrongQueryValue, weight: 3 },
    { arbitrary: fc.array(fc.oneof(valid.map(String), wrongQueryValue), { minLength: 2, maxLength: 4 }), weight: 1 },
  ) as fc.Arbitrary<string | string[]>
}

// Header values must be Latin-1 without CR, LF or NUL, or the request cannot even be built.
const headerText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 300,
})

function headerValue(parameter: Parameter): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '*',
      '"1"',
      'W/"1"',
      '"1", "2"',
      '"999999999999"',
      '""',
      '"1-abc.0.0"',
      '123-4',
      '1-99999999999999999999',
    ),
    headerText,
    ...(parameter.name === 'last-event-id' ? [fc.stringMatching(/^\d{1,20}-\d{1,19}$/)] : []),
  )
}

function authorization(pools: Pools): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { arbitrary: fc.constant(`Bearer ${pools.secretKey}`), weight: 6 },
    { arbitrary: fc.constant(`Bearer ${pools.publishableKey}`), weight: 3 },
    { arbitrary: fc.constantFrom(undefined, 'Bearer', 'Basic YTpi', `Bearer ${pools.secretKey}x`), weight: 1 },
  )
}

const origin = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 8 },
  { arbitrary: fc.constantFrom('https://candidat.example.org', 'https://evil.example.net', 'null'), weight: 1 },
)

const json = (value: unknown) => ({ text: JSON.stringify(value) ?? 'null', contentType: 'application/json' })

/** A body that follows the schema, made coherent where the domain checks more than the schema can say. */
function validBody(operation: Operation, pools: Pools, resolve: Resolve) {
  if (!operation.body) return fc.constant(undefined)
  return fc
    .tuple(valueFor(operation.body, resolve, pools), fc.integer({ min: 0, max: 200 }), fc.nat())
    .map(([body, hours, pick]) => json(cohere(body, pools, hours, pick)))
}

/** Ends after starts, consent texts of the purpose they are given for: what a real client sends. */
function cohere(value: unknown, pools: Pools, hours: number, pick: number): unknown {
  if (Array.isArray(value)) return value.map((item) => cohere(item, pools, hours, pick))
  if (!value || typeof value !== 'object') return value
  const object = Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, cohere(item, pools, hours, pick)]),
  ) as Record<string, unknown>
  if (typeof object.starts_at === 'string' && 'ends_at' in object) {
    const start = Date.parse(object.starts_at)
    if (Number.isFinite(start)) object.ends_at = new Date(start + hours * 3_600_000).toISOString()
  }
  if ('latitude' in object !== 'longitude' in object || (object.latitude === null) !== (object.longitude === null)) {
    delete object.latitude
    delete object.longitude
  }
  if (typeof object.purpose === 'string' && 'text_id' in object) {
    const texts = pools.consentTexts.filter((text) => text.purpose === object.purpose)
    const text = texts[pick % Math.max(texts.length, 1)]
    if (text) object.text_id = text.id
  }
  return object
}

function bodyOf(operation: Operation, pools: Pools, resolve: Resolve) {
  if (!operation.body) return fc.constant(undefined)
  const valid = valueFor(operation.body, resolve, pools)
  return fc.oneof(
    { arbitrary: validBody(operation, pools, resolve), weight: 3 },
    { arbitrary: valid.map(json), weight: 3 },
    {
      arbitrary: fc
        .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([body, mutations]) => json(mutate(body, mutations))),
      weight: 6,
    },
    { arbitrary: garbage.map(json), weight: 1 },
    { arbitrary: rawBody, weight: 2 },
  )
}

/** Requests to one operation, from nearly valid to plain hostile. */
export function requestsFor(operation: Operation, pools: Pools, resolve: Resolve): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { arbitrary: nearlyValidRequests(operation, pools, resolve), weight: 2 },
    { arbitrary: hostileRequests(operation, pools, resolve), weight: 3 },
  )
}

/**
 * Requests a careful client would send, with the right key, existing ids and values in range:
 * they reach the domain, where the checks the schema cannot express live.
 */
function nearlyValidRequests(operation: Operation, pools: Pools, resolve: Resolve): fc.Arbitrary<FuzzRequest> {
  const params = (where: Parameter['in']) => operation.parameters.filter((p) => p.in === where)
  const path = fc.record(
    Object.fromEntries(
      params('path').map((p) => {
        const schema = resolve(p.schema)
        const prefix = /^\^([a-z]{3})_/.exec(schema.pattern ?? '')?.[1]
        return [p.name, (prefix ? idOf(pools, prefix) : valueFor(schema, resolve, pools).map(String)).map(encode)]
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>
  // A few filters at a time, as people use them: each one is a chance to be refused.
  const sometimes = <T>(value: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: value, weight: 1 })
  const query = fc
    .record(
      Object.fromEntries(
        params('query').map((p) => [
          p.name,
          p.name === 'key'
            ? fc.constant(pools.publishableKey)
            : p.name === 'cursor'
              ? sometimes(cursor)
              : sometimes(
                  valueFor(resolve(p.schema), resolve, pools).map((v) =>
                    Array.isArray(v) ? v.map(String) : String(v),
                  ),
                ),
        ]),
      ),
    )
    .map((query) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined))) as fc.Arbitrary<
    Record<string, string | string[]>
  >
  const secret = operation.security.some((requirement) => 'secretKey' in requirement && requirement.secretKey.length)
  const key = secret ? fc.constant(pools.secretKey) : fc.constantFrom(pools.secretKey, pools.publishableKey)
  const copies = operation.method === 'GET' ? fc.constant(1) : fc.constantFrom(1, 1, 1, 3)
  return fc.record({ path, query, key, body: validBody(operation, pools, resolve), copies }).map((parts) =>
    build(operation, {
      copies: parts.copies,
      path: parts.path,
      query: parts.query,
      headers: { authorization: `Bearer ${parts.key}` },
      body: parts.body,
    }),
  )
}

function hostileRequests(operation: Operation, pools: Pools, resolve: Resolve): fc.Arbitrary<FuzzRequest> {
  const params = (where: Parameter['in']) => operation.parameters.filter((p) => p.in === where)
  const path = fc.record(
    Object.fromEntries(params('path').map((p) => [p.name, pathValue(pools, p, resolve)])),
  ) as fc.Arbitrary<Record<string, string>>
  const query = fc.record(Object.fromEntries(params('query').map((p) => [p.name, queryValue(pools, p, resolve)])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Record<string, string | string[]>>
  const unknownQuery = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 20 }), {
    maxKeys: 2,
  })
  const rawQuery = fc.option(fc.constantFrom('q=%', 'limit=%FF', 'cursor=%E0%A4%A', '%=1', '&&&', 'a[b]=1', '=x'), {
    freq: 8,
  })
  // The operation's own headers, and those every public write reads (the widget's name, a retry key).
  const headers = fc.record(
    {
      ...Object.fromEntries(params('header').map((p) => [p.name, headerValue(p)])),
      'relais-widget': fc.oneof(headerText, fc.constantFrom('relais-signup-form', 'RELAIS-EVENT ')),
      'idempotency-key': headerText,
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>
  return fc
    .record({
      path,
      query,
      unknownQuery,
      rawQuery,
      headers,
      authorization: authorization(pools),
      origin,
      body: bodyOf(operation, pools, resolve),
    })
    .map((parts) => {
      const headers: Record<string, string> = { ...parts.headers }
      if (parts.authorization) headers.authorization = parts.authorization
      if (parts.origin) headers.origin = parts.origin
      return build(operation, {
        copies: 1,
        path: parts.path,
        query: { ...parts.unknownQuery, ...parts.query },
        rawQuery: parts.rawQuery,
        headers,
        body: parts.body,
      })
    })
}

interface RequestParts {
  copies: number
  path: Record<string, string>
  query: Record<string, string | string[]>
  rawQuery?: string | null
  headers: Record<string, string>
  body?: { text: string; contentType: string }
}

function build(operation: Operation, parts: RequestParts): FuzzRequest {
  const pathname = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => parts.path[name] ?? '')
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(parts.query)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, item)
  }
  const queryString = [search.toString(), parts.rawQuery].filter(Boolean).join('&')
  const headers = { ...parts.headers }
  if (parts.body?.contentType) headers['content-type'] = parts.body.contentType
  return withSummary({
    method: operation.method,
    url: `${pathname}${queryString ? `?${queryString}` : ''}`,
    headers,
    ...(parts.body ? { body: parts.body.text } : {}),
    copies: parts.copies,
  })
}

/** Counterexamples print briefly: a body of 90 KB would drown the report. */
function withSummary(request: FuzzRequest): FuzzRequest {
  return Object.defineProperty(request, fc.toStringMethod, {
    value: () => describeRequest(request),
    enumerable: false,
  })
}

export function describeRequest(request: FuzzRequest): string {
  const cut = (text: string, max = 600) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text)
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${cut(value, 200)}`)
  return [
    `${request.method} ${cut(request.url, 800)}${request.copies > 1 ? ` (${request.copies} at once)` : ''}`,
    ...headers,
    ...(request.body === undefined ? [] : ['', cut(request.body)]),
  ].join('\n')
}
