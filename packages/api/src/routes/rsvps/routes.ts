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
  RsvpRequestedSchema,
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
    'The event_participation consent is required. With a publishable key (a public form), nothing is taken ' +
    'at once: the answer is always 202 `pending_confirmation`, the same for every address, and the person ' +
    'receives an e-mail whose link takes the place (`POST /v1/confirmations`): going while places are free, ' +
    'else the waitlist, in the order of confirmations. Counts, statistics and the `rsvp.created` webhook move ' +
    'only then. An address already registered is told so by e-mail, and keeps its place. Unconfirmed requests ' +
    'lapse with the link (seven days at most, never beyond the end of the initiative). With a secret key, the ' +
    "organization's server answers for the person's consent: the place is given at once (201 `going` or " +
    '`waitlisted`; 200 with the RSVP already held, counted once). A cancelled or finished initiative, or a ' +
    'full one without waitlist, answers 409 either way. Send the embedding widget in the `Relais-Widget` ' +
    'header. Attempts are limited per e-mail address (`RateLimit-Policy` "email").' +
    idempotencyNote,
  ...publicWrite({ email: true }),
  request: { params: InitiativeIdParam, headers: IdempotencyKeyHeader, body: jsonBody(RsvpCreateSchema) },
  responses: {
    200: {
      ...json(RsvpPlacedSchema, 'Secret key, already registered: the RSVP as it stands.'),
      headers: replayedHeader,
    },
    201: { ...json(RsvpPlacedSchema, 'Secret key: registered.'), headers: replayedHeader },
    202: {
      ...json(RsvpRequestedSchema, 'Publishable key: received; the e-mail sent to the address confirms the place.'),
      headers: replayedHeader,
    },
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
