import { randomBytes } from 'node:crypto'

const prefix = 'whsec_'

/** How long the secret before a rotation keeps signing, so receivers can switch without losing events. */
export const rotationOverlapMs = 24 * 3600 * 1000

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `${prefix}${randomBytes(32).toString('base64')}`
}

/** The HMAC key a secret stands for. */
export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(prefix) ? secret.slice(prefix.length) : secret, 'base64')
}

interface EndpointSecrets {
  secret: string
  previous_secret: string | null
  previous_secret_expires_at: Date | null
}

/** The secrets that sign now: the current one, and the previous one during its overlap. */
export function signingSecrets(endpoint: EndpointSecrets, now: Date): string[] {
  const { previous_secret, previous_secret_expires_at } = endpoint
  const overlapping = previous_secret && previous_secret_expires_at && previous_secret_expires_at > now
  return overlapping ? [endpoint.secret, previous_secret] : [endpoint.secret]
}
