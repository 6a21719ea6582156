import { createRoute } from '@hono/zod-openapi'
import { publicAccess } from '../common/access.js'
import { json, problems } from '../common/schemas.js'
import { ChallengeSchema } from './schemas.js'

export const getChallengeRoute = createRoute({
  method: 'get',
  path: '/v1/challenge',
  operationId: 'getChallenge',
  tags: ['Sign-ups'],
  summary: 'Get a proof-of-work challenge',
  description:
    'Public forms (sign-ups, RSVPs) prove they were filled by a browser that spent a little work, instead of a ' +
    'CAPTCHA: fetch a challenge when the form is shown, solve it in the background (a fraction of a second in a ' +
    'browser), and send the solution as `proof`. Nothing about the visitor is recorded or sent to a third party.',
  ...publicAccess,
  responses: {
    200: {
      ...json(ChallengeSchema, 'A new challenge; never cached.'),
      headers: { 'Cache-Control': { schema: { type: 'string', maxLength: 100, example: 'no-store' } } },
    },
    ...problems(401, 403),
  },
})
