import { createRoute } from '@hono/zod-openapi'
import { publicRead, secretAccess } from '../common/access.js'
import { cacheableJson, IfNoneMatchHeader, json, jsonBody, locationHeader, problems } from '../common/schemas.js'
import {
  ConsentTextCreateSchema,
  ConsentTextIdParam,
  ConsentTextListSchema,
  ConsentTextQuery,
  ConsentTextVersionPageSchema,
  ConsentTextVersionQuery,
  ConsentTextVersionSchema,
} from './schemas.js'

export const listConsentTextsRoute = createRoute({
  method: 'get',
  path: '/v1/consent-texts',
  operationId: 'listConsentTexts',
  tags: ['Consent'],
  summary: 'List the current consent texts',
  description:
    'The texts a form must show beside its consent boxes, verbatim. Send back the `id` of each text shown with ' +
    'the consent given: a replaced version is refused, so reload texts rather than keep them.',
  ...publicRead,
  request: { query: ConsentTextQuery, headers: IfNoneMatchHeader },
  responses: { ...cacheableJson(ConsentTextListSchema, 'The current texts.'), ...problems(400, 401, 403) },
})

export const getConsentTextRoute = createRoute({
  method: 'get',
  path: '/v1/consent-texts/{consent_text_id}',
  operationId: 'getConsentText',
  tags: ['Consent'],
  summary: 'Get one version of a consent text',
  description:
    'Any version, current or retired, verbatim with its SHA-256: the text a consent record points to, as the ' +
    'proof of what the person agreed to.',
  ...publicRead,
  request: { params: ConsentTextIdParam, headers: IfNoneMatchHeader },
  responses: { ...cacheableJson(ConsentTextVersionSchema, 'The text version.'), ...problems(400, 401, 403, 404) },
})

export const createConsentTextRoute = createRoute({
  method: 'post',
  path: '/v1/consent-texts',
  operationId: 'createConsentText',
  tags: ['Consent'],
  summary: 'Publish a new version of a consent text',
  description:
    'Your own wording for a purpose and language. It becomes the next version (its SHA-256 computed here) and ' +
    'retires the version it replaces in the same transaction: forms showing the old text have their sign-ups ' +
    'refused until they reload. Every version stays readable. Recorded in the audit log.',
  ...secretAccess('privacy:write'),
  request: { body: jsonBody(ConsentTextCreateSchema) },
  responses: {
    201: {
      ...json(ConsentTextVersionSchema, 'The new current version.'),
      headers: { Location: locationHeader('The URL of the new version.') },
    },
    ...problems(400, 401, 403, 409, 413, 415),
  },
})

export const listConsentTextVersionsRoute = createRoute({
  method: 'get',
  path: '/v1/consent-text-versions',
  operationId: 'listConsentTextVersions',
  tags: ['Consent'],
  summary: 'List every version of the consent texts',
  description: 'Current and retired versions, oldest first, with when each was published and retired.',
  ...secretAccess('privacy:write'),
  request: { query: ConsentTextVersionQuery },
  responses: { 200: json(ConsentTextVersionPageSchema, 'A page of text versions.'), ...problems(400, 401, 403) },
})
