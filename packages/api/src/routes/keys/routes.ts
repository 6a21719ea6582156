import { createRoute } from '@hono/zod-openapi'
import { secretAccess } from '../common/access.js'
import { json, jsonBody, ListQuery, problems } from '../common/schemas.js'
import { ApiKeyPageSchema, CreatedApiKeySchema, KeyIdParam, NewApiKeySchema } from './schemas.js'

export const listKeysRoute = createRoute({
  method: 'get',
  path: '/v1/keys',
  operationId: 'listKeys',
  tags: ['API keys'],
  summary: 'List API keys',
  description: 'Every key of the organization, revoked ones included, oldest first. Tokens are never shown again.',
  ...secretAccess('keys:write'),
  request: { query: ListQuery },
  responses: { 200: json(ApiKeyPageSchema, 'A page of keys.'), ...problems(400, 401, 403) },
})

export const createKeyRoute = createRoute({
  method: 'post',
  path: '/v1/keys',
  operationId: 'createKey',
  tags: ['API keys'],
  summary: 'Create an API key',
  description:
    'A publishable key (with the browser origins allowed to use it) or a secret key (with scopes). ' +
    'The answer holds the token, once: store it, only its hash is kept.',
  ...secretAccess('keys:write'),
  request: { body: jsonBody(NewApiKeySchema) },
  responses: { 201: json(CreatedApiKeySchema, 'The new key and its token.'), ...problems(400, 401, 403, 413, 415) },
})

export const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/v1/keys/{key_id}',
  operationId: 'revokeKey',
  tags: ['API keys'],
  summary: 'Revoke an API key',
  description: 'The key answers 401 from now on; it stays listed with `revoked_at`. The calling key may revoke itself.',
  ...secretAccess('keys:write'),
  request: { params: KeyIdParam },
  responses: { 204: { description: 'Revoked (or already revoked).' }, ...problems(400, 401, 403, 404) },
})
