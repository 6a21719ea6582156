import { createRoute } from '@hono/zod-openapi'
import { publicWrite, secretAccess } from '../common/access.js'
import { IdempotencyKeyHeader, idempotencyNote, replayedHeader } from '../common/idempotency-header.js'
import { json, jsonBody, problems } from '../common/schemas.js'
import {
  InitiativeIdParam,
  RsvpCreateSchema,
  RsvpIdParam,
  RsvpListQuery,
  RsvpPageSchema,
  RsvpPlacedSchema,
  RsvpSchema,
  RsvpUpdateSchema,
} from './schemas.js'

export const createRsvpRoute = createRoute({
  method: 'post',
  path: '/v1/initiatives/{initiative_id}/rsvps',
  operationId: 'createRsvp',
  tags: ['RSVPs'],
  summary: 'Register for an initiative',
  description:
    'Someone takes a place, or joins the waitlist when the initiative is full. The event_participation consent ' +
    'is required. The person receives an e-mail to confirm the address. Registering again answers the RSVP ' +
    'already held (200) without counting twice. A cancelled or finished initiative, or a full one without ' +
    'waitlist, answers 409. Send the embedding widget in the `Relais-Widget` header. Attempts are limited per ' +
    'e-mail address (`RateLimit-Policy` "email").' +
    idempotencyNote,
  ...publicWrite({ email: true }),
  request: { params: InitiativeIdParam, headers: IdempotencyKeyHeader, body: jsonBody(RsvpCreateSchema) },
  responses: {
    200: { ...json(RsvpPlacedSchema, 'Already registered: the RSVP as it stands.'), headers: replayedHeader },
    201: { ...json(RsvpPlacedSchema, 'Registered.'), headers: replayedHeader },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
})

export const listRsvpsRoute = createRoute({
  method: 'get',
  path: '/v1/initiatives/{initiative_id}/rsvps',
  operationId: 'listRsvps',
  tags: ['RSVPs'],
  summary: 'List the RSVPs of an initiative',
  description: 'Who registered, in the order they did, with their status.',
  ...secretAccess('members:read'),
  request: { params: InitiativeIdParam, query: RsvpListQuery },
  responses: { 200: json(RsvpPageSchema, 'A page of RSVPs.'), ...problems(400, 401, 403, 404) },
})

export const updateRsvpRoute = createRoute({
  method: 'patch',
  path: '/v1/rsvps/{rsvp_id}',
  operationId: 'updateRsvp',
  tags: ['RSVPs'],
  summary: 'Change an RSVP',
  description:
    'Marks attendance, cancels, or gives a place. Cancelling a place promotes the first of the waitlist in the ' +
    'same transaction; `attended` is only for people going; `going` needs a free place (409 otherwise).',
  ...secretAccess('initiatives:write'),
  request: { params: RsvpIdParam, body: jsonBody(RsvpUpdateSchema) },
  responses: { 200: json(RsvpSchema, 'The RSVP as changed.'), ...problems(400, 401, 403, 404, 409, 413, 415) },
})
