import { newId } from '../../src/domain/ids.js'
import type { Place } from '../../src/domain/places/index.js'
import { groupSearchText } from '../../src/domain/search-text.js'
import type { CopyValue } from './copy.js'
import { postcodesByDepartment } from './geography.js'
import type { Random } from './random.js'
import type { Sizes } from './sizes.js'

export interface BenchGroup {
  id: string
  kind: 'national' | 'federation' | 'section'
  path: string
  /** Where its members live and its initiatives happen. */
  places: Place[]
}

export const groupColumns = [
  'organization_id',
  'id',
  'parent_id',
  'path',
  'depth',
  'kind',
  'name',
  'slug',
  'department',
  'postcodes',
  'latitude',
  'longitude',
  'search_text',
  'created_at',
  'updated_at',
] as const

export interface GroupTree {
  groups: BenchGroup[]
  federations: BenchGroup[]
  sections: BenchGroup[]
  rows: CopyValue[][]
  postcodeRows: CopyValue[][]
}

/**
 * The territorial tree the schema expects: one national group, a federation per department, and
 * sections under them, each covering one to three postcodes of its department. Paths are the
 * materialized `/national/federation/section/` of tree.ts's pathUnder.
 */
export function buildGroups(random: Random, organizationId: string, sizes: Sizes, createdAt: Date): GroupTree {
  const departments = [...postcodesByDepartment().entries()].filter(([, places]) => places.length >= 3)
  const rows: CopyValue[][] = []
  const postcodeRows: CopyValue[][] = []
  const add = (
    kind: BenchGroup['kind'],
    parent: BenchGroup | undefined,
    name: string,
    slug: string,
    department: string | null,
    places: Place[],
  ): BenchGroup => {
    const id = newId('grp', createdAt)
    const path = `${parent?.path ?? '/'}${id}/`
    const postcodes = kind === 'section' ? places.map((place) => place.postcode) : []
    const centre = places[0]
    rows.push([
      organizationId,
      id,
      parent?.id ?? null,
      path,
      parent ? path.split('/').length - 3 : 0,
      kind,
      name,
      slug,
      department,
      postcodes,
      centre?.latitude ?? null,
      centre?.longitude ?? null,
      groupSearchText({ name, department, postcodes }),
      createdAt,
      createdAt,
    ])
    for (const postcode of postcodes) postcodeRows.push([organizationId, postcode, id])
    return { id, kind, path, places }
  }
  const national = add('national', undefined, 'Bench national', 'national', null, [])
  const federations = departments
    .slice(0, sizes.federations)
    .map(([department, places]) =>
      add('federation', national, `Fédération ${department}`, `federation-${department}`, department, places),
    )
  const sections: BenchGroup[] = []
  for (let index = 0; index < sizes.sections; index++) {
    const federation = federations[index % federations.length] as BenchGroup
    const department = federation.path && (rows[federations.indexOf(federation) + 1]?.[8] as string)
    const count = 1 + random.int(3)
    const start = random.int(federation.places.length)
    const places = Array.from(
      { length: Math.min(count, federation.places.length) },
      (_, i) => federation.places[(start + i) % federation.places.length] as Place,
    )
    const commune = places[0]?.communes[0]?.name ?? places[0]?.postcode ?? 'x'
    sections.push(add('section', federation, `Section ${commune} ${index}`, `section-${index}`, department, places))
  }
  return { groups: [national, ...federations, ...sections], federations, sections, rows, postcodeRows }
}
