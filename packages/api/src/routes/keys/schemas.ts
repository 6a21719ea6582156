import { z } from '@hono/zod-openapi'
import { scopes } from '../../domain/keys/scopes.js'
import { idOf, idParam, pageOf, Timestamp } from '../common/schemas.js'

export const KeyIdParam = z.object({ key_id: idParam('key', 'The API key.') })

export const ApiKeySchema = z
  .object({
    id: idOf('key'),
    kind: z.enum(['publishable', 'secret']),
    name: z.string().max(100).openapi({ example: 'Site de la section Paris 11e' }),
    token_hint: z
      .string()
      .max(20)
      .openapi({ description: 'The last characters of the token, to recognize it.', example: '…x7k2' }),
    scopes: z
      .array(z.enum(scopes))
      .max(scopes.length)
      .openapi({ description: 'What a secret key may do; empty for publishable keys.' }),
    allowed_origins: z
      .array(z.string().max(300))
      .max(50)
      .openapi({ description: 'Browser origins a publishable key accepts.', example: ['https://paris11.example.org'] }),
    created_at: Timestamp,
    last_used_at: Timestamp.nullable(),
    revoked_at: Timestamp.nullable().openapi({ description: 'Set once revoked: the key then answers 401.' }),
  })
  .openapi('ApiKey')

export const CreatedApiKeySchema = ApiKeySchema.extend({
  token: z.string().max(100).openapi({
    description: 'The key itself. Shown only in this answer: store it now, only its hash is kept.',
    example: 'sk_live_0123456789abcdefghjkmnpqrstvwxyz012345',
  }),
}).openapi('CreatedApiKey')

export const ApiKeyPageSchema = pageOf(ApiKeySchema, 'ApiKeyPage')

export const NewApiKeySchema = z
  .object({
    kind: z.enum(['publishable', 'secret']).openapi({
      description: '`publishable` for browsers and widgets (public operations), `secret` for servers (scopes).',
    }),
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: 'What the key is for.', example: 'Site de campagne' }),
    scopes: z
      .array(z.enum(scopes))
      .max(scopes.length)
      .optional()
      .openapi({ description: 'Secret keys only, and only scopes the calling key holds.', example: ['members:read'] }),
    allowed_origins: z
      .array(z.string().max(300))
      .max(50)
      .optional()
      .openapi({
        description:
          'Publishable keys only: the sites that may use the key from a browser, such as `https://candidat.fr` or ' +
          '`https://*.candidat.fr`. Without any, the key works for server-side calls only.',
        example: ['https://candidat.example.org'],
      }),
  })
  .openapi('NewApiKey')
