import { createRoute } from '@hono/zod-openapi'
import { publicAccess } from '../common/access.js'
import { json, problems } from '../common/schemas.js'
import { ConsentTextListSchema, ConsentTextQuery } from './schemas.js'

export const listConsentTextsRoute = createRoute({
  method: 'get',
  path: '/v1/consent-texts',
  operationId: 'listConsentTexts',
  tags: ['Consent'],
  summary: 'List the current consent texts',
  description:
    'The texts a form must show beside its consent boxes, verbatim. Send back the `id` of each text shown with ' +
    'the consent given: a replaced version is refused, so reload texts rather than keep them.',
  ...publicAccess,
  request: { query: ConsentTextQuery },
  responses: { 200: json(ConsentTextListSchema, 'The current texts.'), ...problems(400, 401, 403) },
})
