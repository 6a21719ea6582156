import { z } from '@hono/zod-openapi'
import { idempotencyKeyPattern } from '../../middleware/idempotency/index.js'

/** The request header of public writes (see `publicWrite`), for their OpenAPI entry. */
export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(idempotencyKeyPattern, 'Use 1 to 255 visible ASCII characters.')
    .optional()
    .openapi({
      description:
        'A unique value per operation (a UUID, say) so that the request can be retried safely: the same key and ' +
        'body within 24 hours replay the first successful answer (marked `Idempotent-Replayed: true`), the same ' +
        'key with another body is refused (422), and a retry while the first is still running gets 409 with ' +
        '`Retry-After`. Refusals are not kept: fix the request and retry with the same key.',
      example: '5f1d3c8e-2a4b-4e7f-9c61-0b8d2f4a7e93',
      maxLength: 255,
    }),
})

/** The sentence route descriptions add about it. */
export const idempotencyNote =
  ' Send an `Idempotency-Key` header to retry safely: the first successful answer is replayed for 24 hours.'

/** The response header marking a replayed answer, for the success answers of public writes. */
export const replayedHeader = {
  'Idempotent-Replayed': {
    description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.',
    schema: { type: 'string' as const, enum: ['true'] },
  },
}
