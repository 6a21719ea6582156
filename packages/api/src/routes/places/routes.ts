import { createRoute } from '@hono/zod-openapi'
import { publicRead } from '../common/access.js'
import { cacheableJson, IfNoneMatchHeader, problems } from '../common/schemas.js'
import { PlaceListSchema, PlaceSchema, PlaceSearchQuery, PostcodeParam } from './schemas.js'

export const getPlaceRoute = createRoute({
  method: 'get',
  path: '/v1/places/{postcode}',
  operationId: 'getPlace',
  tags: ['Places'],
  summary: 'Look up a postcode',
  description:
    'The communes and approximate centre of a French postcode, from a table held by the server: no postcode ' +
    'is sent to an outside geocoder.',
  ...publicRead,
  request: { params: PostcodeParam, headers: IfNoneMatchHeader },
  responses: { ...cacheableJson(PlaceSchema, 'The place.'), ...problems(400, 401, 403, 404) },
})

export const searchPlacesRoute = createRoute({
  method: 'get',
  path: '/v1/places',
  operationId: 'searchPlaces',
  tags: ['Places'],
  summary: 'Search communes',
  description:
    'Communes whose name starts with `q`, ignoring accents and case, each at its first postcode: exact names ' +
    'first, then the communes with most postcodes.',
  ...publicRead,
  request: { query: PlaceSearchQuery, headers: IfNoneMatchHeader },
  responses: { ...cacheableJson(PlaceListSchema, 'Matching communes.'), ...problems(400, 401, 403) },
})
