import { DomainError } from '../../domain/errors.js'
import { findPlace, searchCommunes } from '../../domain/places/index.js'
import { createRouter } from '../common/router.js'
import { getPlaceRoute, searchPlacesRoute } from './routes.js'

// The postcode table changes with a release, not with the organization: caches may share it.
const cacheForADay = 'public, max-age=86400'

export const placesRouter = createRouter()
  .openapi(searchPlacesRoute, (c) => {
    const { q, limit } = c.req.valid('query')
    c.header('cache-control', cacheForADay)
    return c.json({ data: searchCommunes(q, limit) }, 200)
  })
  .openapi(getPlaceRoute, (c) => {
    const { postcode } = c.req.valid('param')
    const place = findPlace(postcode)
    if (!place) throw new DomainError('not_found', `${postcode} is not a known French postcode.`)
    c.header('cache-control', cacheForADay)
    return c.json(place, 200)
  })
