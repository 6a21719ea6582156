import { createHmac } from 'node:crypto'
import { secretKey } from './secrets.js'

export interface WebhookHeaders {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/**
 * The Standard Webhooks headers of one attempt: `v1,` and the base64 HMAC-SHA256 of
 * `id.timestamp.body` under each secret, space-separated, so that a receiver holding either
 * secret during a rotation accepts the message.
 */
export function signWebhook(id: string, at: Date, body: string, secrets: string[]): WebhookHeaders {
  const timestamp = String(Math.floor(at.getTime() / 1000))
  const signatures = secrets.map(
    (secret) => `v1,${createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`,
  )
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' ') }
}
