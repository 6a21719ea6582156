import { readFileSync } from 'node:fs'
import { departmentOf, findPlace, type Place } from '../../src/domain/places/index.js'

/** The located postcodes of each metropolitan department, from the offline table the API uses. */
export function postcodesByDepartment(): Map<string, Place[]> {
  const table = JSON.parse(
    readFileSync(new URL('../../src/domain/places/places-data.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>
  const byDepartment = new Map<string, Place[]>()
  for (const postcode of Object.keys(table).sort()) {
    const department = departmentOf(postcode)
    const place = findPlace(postcode)
    if (!department || !place || place.precision !== 'commune' || department.length !== 2) continue
    const places = byDepartment.get(department) ?? []
    places.push(place)
    byDepartment.set(department, places)
  }
  return byDepartment
}
