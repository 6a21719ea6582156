import { readFileSync } from 'node:fs'

/**
 * Offline geography of French postcodes, so that "near me" never sends a member's postcode to
 * an outside geocoder. The table is built by `scripts/build-places.ts`; see README.md.
 */

export type Precision = 'commune' | 'approximate'

export interface Coordinates {
  latitude: number
  longitude: number
}

export interface Commune {
  insee_code: string
  name: string
}

export type Place = {
  postcode: string
  communes: Commune[]
  latitude: number
  longitude: number
  precision: Precision
  department: string
}

/**
 * `places-data.json` maps each postcode to `[latitude, longitude, located, communes]`: `located`
 * is 1 when the point comes from the postcode's own communes and 0 when it is a fallback, and
 * `communes` packs `<INSEE code><name>` entries joined by `|`. INSEE codes are always five
 * characters, and one string per postcode keeps the committed file a quarter smaller than nested arrays.
 */
export type PlaceRow = [latitude: number, longitude: number, located: 0 | 1, communes: string]

const POSTCODE = /^\d{5}$/
const INSEE_LENGTH = 5

let table: Record<string, PlaceRow> | undefined

function rows(): Record<string, PlaceRow> {
  table ??= JSON.parse(readFileSync(new URL('./places-data.json', import.meta.url), 'utf8')) as Record<string, PlaceRow>
  return table
}

export function unpackCommunes(packed: string): Commune[] {
  return packed
    .split('|')
    .map((entry) => ({ insee_code: entry.slice(0, INSEE_LENGTH), name: entry.slice(INSEE_LENGTH) }))
}

/**
 * Departments follow the postcode, which is the post office's (Le Clapier, in Aveyron, is served
 * from Hérault's 34260), except in Corsica, whose postcodes all start with 20 while its departments
 * are 2A and 2B: there the communes' INSEE codes decide. Overseas departments take three digits.
 */
export function departmentFromCodes(postcode: string, inseeCodes: readonly string[]): string | undefined {
  if (!POSTCODE.test(postcode)) return undefined
  const two = postcode.slice(0, 2)
  if (two === '97') return /^97[1-6]/.test(postcode) ? postcode.slice(0, 3) : undefined
  if (two === '20') {
    const south = inseeCodes.filter((code) => code.startsWith('2A')).length
    const north = inseeCodes.filter((code) => code.startsWith('2B')).length
    if (south !== north) return south > north ? '2A' : '2B'
    // Without communes to ask, follow the table's split: 200xx and 201xx are all Corse-du-Sud.
    return postcode < '20200' ? '2A' : '2B'
  }
  return two >= '01' && two <= '95' ? two : undefined
}

export function departmentOf(postcode: string): string | undefined {
  if (typeof postcode !== 'string' || !POSTCODE.test(postcode)) return undefined
  const row = rows()[postcode]
  const codes = row ? unpackCommunes(row[3]).map((commune) => commune.insee_code) : []
  return departmentFromCodes(postcode, codes)
}

function placeOf(postcode: string, row: PlaceRow, communes: Commune[]): Place {
  const codes = unpackCommunes(row[3]).map((commune) => commune.insee_code)
  return {
    postcode,
    communes,
    latitude: row[0],
    longitude: row[1],
    precision: row[2] === 1 ? 'commune' : 'approximate',
    department: departmentFromCodes(postcode, codes) ?? '',
  }
}

export function findPlace(postcode: string): Place | undefined {
  if (typeof postcode !== 'string' || !POSTCODE.test(postcode)) return undefined
  const row = rows()[postcode]
  return row ? placeOf(postcode, row, unpackCommunes(row[3])) : undefined
}

/** Mean Earth radius (IUGG); distances and bounding boxes must agree on it. */
const EARTH_RADIUS_KM = 6371.0088
const toRadians = (degrees: number) => (degrees * Math.PI) / 180
const toDegrees = (radians: number) => (radians * 180) / Math.PI

export function distanceKm(a: Coordinates, b: Coordinates): number {
  const dLat = toRadians(b.latitude - a.latitude)
  const dLng = toRadians(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

export interface BoundingBox {
  minLatitude: number
  maxLatitude: number
  minLongitude: number
  maxLongitude: number
}

/**
 * The smallest latitude/longitude box holding every point within `radiusKm`, so SQL can prefilter
 * on indexed columns before the exact `distanceKm`. The longitude half-width is
 * asin(sin(r) / cos(lat)) rather than r / cos(lat): the circle is widest poleward of its centre,
 * not level with it. Near a pole or across the antimeridian the box takes every longitude, so that the
 * prefilter never drops a point the distance would keep.
 */
export function boundingBox(center: Coordinates, radiusKm: number): BoundingBox {
  const angular = Math.max(0, radiusKm) / EARTH_RADIUS_KM
  const lat = toRadians(center.latitude)
  const minLat = lat - angular
  const maxLat = lat + angular
  const everyLongitude = { minLongitude: -180, maxLongitude: 180 }
  if (minLat <= -Math.PI / 2 || maxLat >= Math.PI / 2) {
    return {
      minLatitude: Math.max(-90, toDegrees(minLat)),
      maxLatitude: Math.min(90, toDegrees(maxLat)),
      ...everyLongitude,
    }
  }
  const dLng = toDegrees(Math.asin(Math.min(1, Math.sin(angular) / Math.cos(lat))))
  const minLongitude = center.longitude - dLng
  const maxLongitude = center.longitude + dLng
  const wraps = minLongitude < -180 || maxLongitude > 180
  return {
    minLatitude: toDegrees(minLat),
    maxLatitude: toDegrees(maxLat),
    ...(wraps ? everyLongitude : { minLongitude, maxLongitude }),
  }
}

const ARTICLES = new Set(['le', 'la', 'les', 'l'])
const SPELLINGS = new Map([
  ['saint', 'st'],
  ['sainte', 'ste'],
  ['lez', 'les'],
])
const ARRONDISSEMENT = /^(paris|lyon|marseille) 0*(\d{1,2})(?:er|e|eme)?\b.*$/

/**
 * The form under which two spellings of a commune compare equal: no accents or case, punctuation
 * as spaces, "saint" as "st" (La Poste abbreviates, INSEE does not), "lez" as "les", no leading article
 * ("Les Baux" is filed under B), and arrondissements as "paris 11" whether written
 * "Paris 11e Arrondissement" (INSEE) or "Paris 11 Popincourt" (GeoNames).
 */
export function foldName(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => SPELLINGS.get(word) ?? word)
  if (words.length > 1 && ARTICLES.has(words[0] ?? '')) words.shift()
  return words.join(' ').replace(ARRONDISSEMENT, '$1 $2')
}

interface SearchEntry {
  folded: string
  commune: Commune
  postcodes: string[]
}

let searchIndex: SearchEntry[] | undefined

function communesIndex(): SearchEntry[] {
  if (searchIndex) return searchIndex
  const byCode = new Map<string, SearchEntry>()
  for (const [postcode, row] of Object.entries(rows())) {
    for (const commune of unpackCommunes(row[3])) {
      const entry = byCode.get(commune.insee_code)
      if (entry) entry.postcodes.push(postcode)
      else byCode.set(commune.insee_code, { folded: foldName(commune.name), commune, postcodes: [postcode] })
    }
  }
  for (const entry of byCode.values()) entry.postcodes.sort()
  searchIndex = [...byCode.values()]
  return searchIndex
}

const naturalOrder = new Intl.Collator('fr', { numeric: true }).compare

/**
 * Communes whose name starts with the query, one Place each (at the commune's lowest postcode):
 * exact names first, then names where the query ends on a word ("lyon" in "Lyon 3e"), then the
 * rest ("Lyons-la-Forêt"). Within a rank, communes with more postcodes come first, the nearest
 * thing to population the table holds.
 */
export function searchCommunes(query: string, limit = 10): Place[] {
  const folded = typeof query === 'string' ? foldName(query) : ''
  if (folded === '' || limit <= 0) return []
  const rank = (entry: SearchEntry) => {
    if (entry.folded === folded) return 0
    return entry.folded.charAt(folded.length) === ' ' ? 1 : 2
  }
  const places = rows()
  return communesIndex()
    .filter((entry) => entry.folded.startsWith(folded))
    .map((entry) => ({ entry, rank: rank(entry) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        b.entry.postcodes.length - a.entry.postcodes.length ||
        naturalOrder(a.entry.folded, b.entry.folded) ||
        a.entry.commune.insee_code.localeCompare(b.entry.commune.insee_code),
    )
    .slice(0, limit)
    .flatMap(({ entry }) => {
      const postcode = entry.postcodes[0]
      const row = postcode ? places[postcode] : undefined
      return postcode && row ? [placeOf(postcode, row, [entry.commune])] : []
    })
}
