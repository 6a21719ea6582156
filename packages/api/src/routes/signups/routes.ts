import { createRoute } from '@hono/zod-openapi'
import { publicWrite } from '../common/access.js'
import { IdempotencyKeyHeader, idempotencyNote, replayedHeader } from '../common/idempotency-header.js'
import { json, jsonBody, problems } from '../common/schemas.js'
import { ConfirmationSchema, ConfirmedSchema, SignupAcceptedSchema, SignupSchema } from './schemas.js'

export const createSignupRoute = createRoute({
  method: 'post',
  path: '/v1/signups',
  operationId: 'createSignup',
  tags: ['Sign-ups'],
  summary: 'Sign up',
  description:
    'Someone joins the organization (and optionally a public group) from a public page. The membership consent is ' +
    'required. The person receives an e-mail whose link confirms the address (double opt-in); until then nothing is ' +
    'published. The answer is the same whether the address was new or already known. Send the embedding widget in ' +
    'the `Relais-Widget` header. Attempts are limited per e-mail address (`RateLimit-Policy` "email"), counted ' +
    'whether or not the address is known.' +
    idempotencyNote,
  ...publicWrite({ email: true }),
  request: { headers: IdempotencyKeyHeader, body: jsonBody(SignupSchema) },
  responses: {
    202: { ...json(SignupAcceptedSchema, 'Received; a confirmation e-mail is on its way.'), headers: replayedHeader },
    ...problems(400, 401, 403, 409, 413, 415, 422),
  },
})

export const confirmRoute = createRoute({
  method: 'post',
  path: '/v1/confirmations',
  operationId: 'confirm',
  tags: ['Sign-ups'],
  summary: 'Confirm an e-mail address',
  description:
    'Spends the token of a double opt-in link: the pending consents are confirmed, a pending member becomes ' +
    'active and a requested group is joined. The link of a public RSVP takes its place now, in the order of ' +
    'confirmations (`rsvp` tells which, or why none). A token works once and expires after seven days, or ' +
    'at the end of the initiative for an RSVP.' +
    idempotencyNote,
  ...publicWrite(),
  request: { headers: IdempotencyKeyHeader, body: jsonBody(ConfirmationSchema) },
  responses: {
    200: { ...json(ConfirmedSchema, 'Confirmed.'), headers: replayedHeader },
    ...problems(400, 401, 403, 409, 413, 415, 422),
  },
})
