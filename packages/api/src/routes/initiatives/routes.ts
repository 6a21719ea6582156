import { createRoute, z } from '@hono/zod-openapi'
import { requireKey } from '../../middleware/api-key/index.js'
import { keyFromQuery } from '../../middleware/query-key/index.js'
import { publicRead, secretAccess } from '../common/access.js'
import {
  cacheableJson,
  etagHeaderSchema,
  IfNoneMatchHeader,
  json,
  jsonBody,
  locationHeader,
  problems,
} from '../common/schemas.js'
import {
  CalendarQuery,
  GroupIdParam,
  IfMatchHeader,
  InitiativeCreateSchema,
  InitiativeIdParam,
  InitiativeListQuery,
  InitiativePageSchema,
  InitiativeSchema,
  InitiativeUpdateSchema,
} from './schemas.js'

const etagHeader = {
  ETag: {
    description: 'The initiative as now: for `If-None-Match`, and `If-Match`.',
    schema: etagHeaderSchema,
  },
}

export const listInitiativesRoute = createRoute({
  method: 'get',
  path: '/v1/initiatives',
  operationId: 'listInitiatives',
  tags: ['Initiatives'],
  summary: 'List initiatives',
  description:
    'Published initiatives by start time, upcoming and under way by default (those ending now or later). ' +
    'Filters combine. The order is (start, id), so pages stay stable while initiatives are added.',
  ...publicRead,
  request: { query: InitiativeListQuery, headers: IfNoneMatchHeader },
  responses: { ...cacheableJson(InitiativePageSchema, 'A page of initiatives.'), ...problems(400, 401, 403, 404) },
})

export const getInitiativeRoute = createRoute({
  method: 'get',
  path: '/v1/initiatives/{initiative_id}',
  operationId: 'getInitiative',
  tags: ['Initiatives'],
  summary: 'Get an initiative',
  description:
    'One initiative with its counts. The public sees published and cancelled ones; drafts answer 404 ' +
    'except to secret keys.',
  ...publicRead,
  request: { params: InitiativeIdParam, headers: IfNoneMatchHeader },
  responses: {
    200: { ...json(InitiativeSchema, 'The initiative.'), headers: etagHeader },
    304: { description: 'Unchanged since the ETag in `If-None-Match`.', headers: etagHeader },
    ...problems(400, 401, 403, 404),
  },
})

// Calendar apps subscribe by URL and send no header: these two accept a publishable key as `?key=`.
const calendarAccess = {
  security: [{ publishableKey: [] }, { secretKey: [] }, { publishableKeyInQuery: [] }] as Record<string, string[]>[],
  middleware: [keyFromQuery(), requireKey()],
}

const calendarResponse = (description: string) => ({
  description,
  content: { 'text/calendar': { schema: z.string().openapi({ description: 'RFC 5545 iCalendar.' }) } },
  headers: { ETag: { description: 'For `If-None-Match`.', schema: etagHeaderSchema } },
})

export const initiativeCalendarRoute = createRoute({
  method: 'get',
  path: '/v1/initiatives/{initiative_id}/calendar.ics',
  operationId: 'getInitiativeCalendar',
  tags: ['Initiatives'],
  summary: 'Get the iCalendar file of an initiative',
  description:
    'One event, for "add to my calendar". Times are in UTC; the UID is stable and SEQUENCE grows when the time ' +
    'or place changes or the initiative is cancelled (`STATUS:CANCELLED`). An address kept for participants is ' +
    'left out. Calendar apps that cannot send an Authorization header may pass a publishable key as `?key=pk_…`.',
  ...calendarAccess,
  request: { params: InitiativeIdParam, query: CalendarQuery, headers: IfNoneMatchHeader },
  responses: {
    200: calendarResponse('The initiative as an iCalendar event.'),
    304: { description: 'Unchanged since the ETag in `If-None-Match`.' },
    ...problems(400, 401, 403, 404),
  },
})

export const groupCalendarRoute = createRoute({
  method: 'get',
  path: '/v1/groups/{group_id}/calendar.ics',
  operationId: 'getGroupCalendar',
  tags: ['Initiatives'],
  summary: 'Subscribe to the calendar of a group',
  description:
    'A feed of the initiatives of a group and its subgroups that are not over yet (500 at most, the nearest ' +
    'first), cancelled ones included so that subscribed calendars remove them. Subscribe with ' +
    '`webcal://…/v1/groups/{group_id}/calendar.ics?key=pk_…`: calendar apps cannot send an Authorization header, ' +
    'so a publishable key may be passed as `key`.',
  ...calendarAccess,
  request: { params: GroupIdParam, query: CalendarQuery, headers: IfNoneMatchHeader },
  responses: {
    200: calendarResponse('The group calendar.'),
    304: { description: 'Unchanged since the ETag in `If-None-Match`.' },
    ...problems(400, 401, 403, 404),
  },
})

export const createInitiativeRoute = createRoute({
  method: 'post',
  path: '/v1/initiatives',
  operationId: 'createInitiative',
  tags: ['Initiatives'],
  summary: 'Create an initiative',
  description:
    'Adds an initiative to a group: a draft, or published at once with `publish: true`. A postcode without ' +
    'coordinates is located from the postcode table; with `hide_address`, the public coordinates are coarse.',
  ...secretAccess('initiatives:write'),
  request: { body: jsonBody(InitiativeCreateSchema) },
  responses: {
    201: {
      ...json(InitiativeSchema, 'The new initiative.'),
      headers: {
        ...etagHeader,
        Location: locationHeader('The URL of the new initiative.'),
      },
    },
    ...problems(400, 401, 403, 413, 415),
  },
})

export const updateInitiativeRoute = createRoute({
  method: 'patch',
  path: '/v1/initiatives/{initiative_id}',
  operationId: 'updateInitiative',
  tags: ['Initiatives'],
  summary: 'Update an initiative',
  description:
    'Changes the fields given. A new time or place increments the calendar SEQUENCE. The capacity cannot go ' +
    'below the people going (409); a higher one gives the new places to the waitlist, in order. A cancelled ' +
    'initiative cannot be changed. Send `If-Match` with the ETag you read to avoid overwriting an edit you have not seen.',
  ...secretAccess('initiatives:write'),
  request: { params: InitiativeIdParam, headers: IfMatchHeader, body: jsonBody(InitiativeUpdateSchema) },
  responses: {
    200: { ...json(InitiativeSchema, 'The initiative as changed.'), headers: etagHeader },
    ...problems(400, 401, 403, 404, 409, 412, 413, 415),
  },
})

export const publishInitiativeRoute = createRoute({
  method: 'post',
  path: '/v1/initiatives/{initiative_id}/publish',
  operationId: 'publishInitiative',
  tags: ['Initiatives'],
  summary: 'Publish an initiative',
  description: 'A draft or an initiative awaiting review becomes public and is announced in the activity feed.',
  ...secretAccess('initiatives:write'),
  request: { params: InitiativeIdParam },
  responses: {
    200: { ...json(InitiativeSchema, 'The published initiative.'), headers: etagHeader },
    ...problems(400, 401, 403, 404, 409),
  },
})

export const cancelInitiativeRoute = createRoute({
  method: 'post',
  path: '/v1/initiatives/{initiative_id}/cancel',
  operationId: 'cancelInitiative',
  tags: ['Initiatives'],
  summary: 'Cancel an initiative',
  description:
    'The initiative stays visible as cancelled (if it was published), its calendar event says so, and the ' +
    'activity feed announces it. RSVPs are kept for the record.',
  ...secretAccess('initiatives:write'),
  request: { params: InitiativeIdParam },
  responses: {
    200: { ...json(InitiativeSchema, 'The cancelled initiative.'), headers: etagHeader },
    ...problems(400, 401, 403, 404, 409),
  },
})
