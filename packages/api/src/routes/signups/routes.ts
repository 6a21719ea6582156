import { createRoute } from '@hono/zod-openapi'
import { publicAccess } from '../common/access.js'
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
    'the `Relais-Widget` header.',
  ...publicAccess,
  request: { body: jsonBody(SignupSchema) },
  responses: {
    202: json(SignupAcceptedSchema, 'Received; a confirmation e-mail is on its way.'),
    ...problems(400, 401, 403, 413, 415),
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
    'active and a requested group is joined. A token works once and expires after seven days.',
  ...publicAccess,
  request: { body: jsonBody(ConfirmationSchema) },
  responses: { 200: json(ConfirmedSchema, 'Confirmed.'), ...problems(400, 401, 403, 413, 415) },
})
