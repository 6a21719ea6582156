import fc from 'fast-check'
import { trickyText } from './values.js'

/** Nested arrays and objects `depth` levels deep. */
const deep = (depth: number, leaf: unknown = 1): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner, _, i) => (i % 2 ? [inner] : { a: inner }), leaf)

/** Values of the wrong type, size or shape for any field. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -0,
    1.5,
    -1,
    1e308,
    -1e308,
    5e-324,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 1,
    Number.MAX_SAFE_INTEGER,
    'NaN',
    'Infinity',
    '-0',
    '1e308',
    '',
    'true',
    'null',
    '2026-12-05',
    [],
    {},
    [null],
    { __proto__: null, constructor: { prototype: { polluted: true } } },
    JSON.parse('{"__proto__":{"polluted":true}}'),
    deep(200),
    deep(20, 'x'.repeat(100)),
  ),
  trickyText,
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 1000, max: 90_000 }).map((n) => 'é'.repeat(n / 2)),
  fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 1000 }),
)

type Json = Record<string, unknown>

export type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'extra'; name: string; value: unknown }
  | { kind: 'huge'; at: number; length: number }
  | { kind: 'text'; at: number; text: string }

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  { arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: garbage }), weight: 3 },
  fc.record({
    kind: fc.constant('extra' as const),
    name: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('id', 'organization_id', '__proto__', 'constructor')),
    value: garbage,
  }),
  fc.record({ kind: fc.constant('huge' as const), at: fc.nat(), length: fc.integer({ min: 200, max: 45_000 }) }),
  { arbitrary: fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: trickyText }), weight: 2 },
)

/** The paths of every field of a JSON value, objects and array items alike. */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...fieldPaths(item, [...prefix, i])])
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...fieldPaths(item, [...prefix, key])])
  }
  return []
}

function parentOf(root: unknown, path: (string | number)[]): Json | unknown[] | undefined {
  let node = root
  for (const part of path.slice(0, -1)) node = (node as Json)[part as string]
  return node && typeof node === 'object' ? (node as Json) : undefined
}

/** Applies mutations to a copy of a body. */
export function mutate(body: unknown, mutations: Mutation[]): unknown {
  let root = structuredClone(body)
  for (const m of mutations) {
    if (m.kind === 'extra') {
      if (root && typeof root === 'object' && !Array.isArray(root)) {
        Object.defineProperty(root, m.name, { value: m.value, enumerable: true, writable: true, configurable: true })
      }
      continue
    }
    const paths = fieldPaths(root)
    const path = paths[m.at % Math.max(paths.length, 1)]
    if (!path) {
      if (m.kind === 'replace') root = m.value
      continue
    }
    const parent = parentOf(root, path)
    const key = path.at(-1) as string
    if (!parent) continue
    if (m.kind === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1)
      else delete parent[key]
    } else if (m.kind === 'replace') {
      ;(parent as Json)[key] = m.value
    } else if (m.kind === 'huge') {
      ;(parent as Json)[key] = 'x'.repeat(m.length)
    } else {
      const current = (parent as Json)[key]
      ;(parent as Json)[key] = typeof current === 'string' ? `${current}${m.text}` : m.text
    }
  }
  return root
}

/** Bodies that are not JSON, or not sent as JSON. */
export const rawBody = fc.record({
  text: fc.oneof(
    fc.constantFrom(
      '',
      '{',
      '{"email":',
      '[1,2',
      'null',
      '"string"',
      '123',
      'true',
      '{"a":1}{"b":2}',
      '\ufeff{}',
      '{"a":"\\ud800"}',
      '{"a":"\\u0000"}',
      '{"a":1e999}',
      '{"a":-}',
      'email=a%40b.org&consents=1',
      '<xml/>',
      '--boundary\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--boundary--',
    ),
    fc.string({ unit: 'binary', maxLength: 200 }),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-16',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=boundary',
    'application/xml',
    'application/merge-patch+json',
    'application/problem+json',
    '',
    'JSON',
    'application/json, text/plain',
  ),
})
