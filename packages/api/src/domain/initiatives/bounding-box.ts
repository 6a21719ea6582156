import { type ExpressionBuilder, sql } from 'kysely'
import type { Database } from '../../db/types.js'
import type { BoundingBox } from '../places/index.js'

/**
 * Bands of a tenth of a degree of latitude (11 km): `initiatives_place` orders each band by
 * longitude, so a box is read as a few short ranges instead of every place between its latitudes,
 * all across the country.
 */
const latitudeBand = sql<number>`floor(${sql.ref('initiatives.public_latitude')} * 10)`

function bandsOf(box: BoundingBox): number[] {
  const first = Math.floor(box.minLatitude * 10)
  const last = Math.floor(box.maxLatitude * 10)
  return Array.from({ length: last - first + 1 }, (_, index) => first + index)
}

/** Initiatives whose public coordinates lie in the box (online ones have none). */
export function withinBox(eb: ExpressionBuilder<Database, 'initiatives'>, box: BoundingBox) {
  return eb.and([
    eb(latitudeBand, 'in', bandsOf(box)),
    eb('initiatives.public_latitude', '>=', box.minLatitude),
    eb('initiatives.public_latitude', '<=', box.maxLatitude),
    eb('initiatives.public_longitude', '>=', box.minLongitude),
    eb('initiatives.public_longitude', '<=', box.maxLongitude),
  ])
}
