import fc from 'fast-check'
import type { SchemaObject } from './openapi.js'

/** Real values the generators draw from, so that some requests get past validation into the domain. */
export interface Pools {
  /** Ids by prefix (`grp`, `ini`, …): the demo organization's, the other organization's, unknown ones. */
  ids: Record<string, { own: string[]; foreign: string[] }>
  postcodes: string[]
  consentTexts: { id: string; purpose: string }[]
  publishableKey: string
  secretKey: string
}

const base32 = '0123456789abcdefghjkmnpqrstvwxyz'

/** Text meant to trip up storage, search and rendering: emoji, RTL, zero-width, controls, lone surrogates. */
export const trickyText = fc.oneof(
  fc.constantFrom(
    '👩🏽‍🚀 Camille',
    '\u202egnp.exe',
    'a\u200bb\u200c\u200d\ufeff',
    'x\u0001\u0007\u001b[31m\u007f',
    'ligne\nnouvelle\r\nligne\ttab',
    '\ud800',
    'a\udc00b',
    "Robert'); DROP TABLE members;--",
    '%_\\%',
    '<script>alert(1)</script>',
    'Ǆ̴̧̛̞̟̝̹̱̼̦̯̮̝̀̓̐̍̔͆ͅ',
    'İstanbul',
    'ß'.repeat(60),
    ' ',
    '',
    '\u0000',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
)

/** Times PostgreSQL and JavaScript disagree about, and ordinary ones around now. */
const dateTime = fc.oneof(
  {
    arbitrary: fc.integer({ min: -30, max: 400 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString()),
    weight: 4,
  },
  fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  // Years 1 to 9999: every time RFC 3339 can write.
  fc
    .date({ min: new Date(-62_135_596_800_000), max: new Date(253_402_300_799_000), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '1969-12-31T23:59:59.999999999Z',
    '2026-02-30T10:00:00Z',
    '2026-12-05T24:00:00Z',
    '2026-12-05T18:30:00+14:00',
    '2026-12-05T18:30:00-23:59',
    '2026-12-05T18:30:00.123456789012345678901234567Z',
    '2026-03-29T02:30:00+01:00',
  ),
)

const idLike = (prefix: string) =>
  fc.string({ unit: fc.constantFrom(...base32), minLength: 1, maxLength: 40 }).map((tail) => `${prefix}_${tail}`)

/** An id of the prefix: the organization's own, another organization's, or an unknown one of the right shape. */
export function idOf(pools: Pools, prefix: string): fc.Arbitrary<string> {
  const pool = pools.ids[prefix] ?? { own: [], foreign: [] }
  return fc.oneof(
    ...(pool.own.length ? [{ arbitrary: fc.constantFrom(...pool.own), weight: 4 }] : []),
    ...(pool.foreign.length ? [{ arbitrary: fc.constantFrom(...pool.foreign), weight: 1 }] : []),
    { arbitrary: idLike(prefix), weight: 1 },
  )
}

function stringOf(schema: SchemaObject, pools: Pools): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 200
  const pattern = schema.pattern ?? ''
  const id = /^\^([a-z]{3})_\[0-9a-z\]/.exec(pattern)
  if (id?.[1]) return idOf(pools, id[1])
  if (pattern === '^\\d{5}$') {
    return fc.oneof(fc.constantFrom(...pools.postcodes), fc.stringMatching(/^\d{5}$/))
  }
  if (pattern) {
    const examples = schema.example === undefined ? [] : [fc.constant(String(schema.example))]
    return fc.oneof(
      ...examples,
      fc.stringMatching(new RegExp(pattern)).filter((s) => s.length <= max),
    )
  }
  if (schema.format === 'email') {
    const word = fc.string({ unit: fc.constantFrom(...'abcdefghij'), minLength: 1, maxLength: 8 })
    return fc.oneof(
      { arbitrary: fc.tuple(word, word).map(([a, b]) => `${a}.${b}@example.org`), weight: 4 },
      { arbitrary: fc.emailAddress().filter((e) => e.length <= max), weight: 1 },
    )
  }
  if (schema.format === 'uri') {
    return fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length <= max),
      fc.constantFrom('https://candidat.example.org/agir', 'http://localhost:8787/', 'javascript:alert(1)'),
    )
  }
  if (schema.format === 'date-time') return dateTime
  // The example is often the only value known to pass checks the schema cannot say (time zones, tags).
  const examples = schema.example === undefined ? [] : [{ arbitrary: fc.constant(String(schema.example)), weight: 12 }]
  return fc.oneof(
    ...examples,
    { arbitrary: fc.string({ minLength: schema.minLength ?? 1, maxLength: Math.min(max, 60) }), weight: 3 },
    { arbitrary: trickyText.map((text) => text.slice(0, max)), weight: 1 },
  )
}

function numberOf(schema: SchemaObject, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1e6
  const max = schema.maximum ?? 1e6
  const inRange = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true })
  return fc.oneof({ arbitrary: inRange, weight: 4 }, fc.constantFrom(min, max, -0, min - 1, max + 1))
}

/**
 * Consents as a form sends them: each purpose once, the one the operation needs (the first of the
 * enum: `membership`, `event_participation`) most of the time. Their text ids are matched later.
 */
function consentsOf(item: SchemaObject): fc.Arbitrary<unknown> | undefined {
  const purposes = item.properties?.purpose?.enum as string[] | undefined
  if (!purposes?.length || !item.properties?.text_id) return undefined
  const [needed, ...others] = purposes
  const withNeeded = fc.integer({ min: 0, max: 9 }).map((n) => n < 8)
  return fc
    .tuple(withNeeded, fc.subarray(others))
    .map(([needs, rest]) => [...(needs ? [needed] : []), ...rest].map((purpose) => ({ purpose, text_id: 'cst_0' })))
}

/**
 * A value that follows the schema most of the time (bounds, enums, formats, known ids), so that
 * requests reach the domain; the mutations make the rest of the mess.
 */
export function valueFor(
  schema: SchemaObject,
  resolve: (schema: SchemaObject) => SchemaObject,
  pools: Pools,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema)
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const options = s.anyOf ?? s.oneOf
  if (options) return fc.oneof(...options.map((option) => valueFor(option, resolve, pools, depth + 1)))
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : []
  const nullable = types.includes('null')
  const type = types.find((t) => t !== 'null')
  const value = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return stringOf(s, pools)
      case 'integer':
        return numberOf(s, true)
      case 'number':
        return numberOf(s, false)
      case 'boolean':
        return fc.boolean()
      case 'array': {
        if (depth > 6 || !s.items) return fc.constant([])
        const consents = consentsOf(resolve(s.items))
        if (consents) return consents
        return fc.array(valueFor(s.items, resolve, pools, depth + 1), { maxLength: Math.min(s.maxItems ?? 5, 5) })
      }
      case 'object':
      case undefined: {
        if (!s.properties) return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }))
        const required = new Set(s.required ?? [])
        const fields = Object.fromEntries(
          Object.entries(s.properties).map(([name, property]) => [name, valueFor(property, resolve, pools, depth + 1)]),
        )
        const requiredKeys = [...required].filter((name) => name in fields)
        return fc.record(fields, { requiredKeys }) as fc.Arbitrary<unknown>
      }
      default:
        return fc.jsonValue({ maxDepth: 2 })
    }
  })()
  return nullable ? fc.option(value, { nil: null, freq: 6 }) : value
}
