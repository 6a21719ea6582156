/** A quota: `limit` requests per fixed window of `windowSeconds`. */
export interface Quota {
  limit: number
  windowSeconds: number
}

/** The rate limits of /v1, by who calls and what they do. */
export interface RateLimitPolicies {
  /** Public reads with a publishable key (or none): per key and client address. */
  publicRead: Quota
  /** Public writes (sign-ups, confirmations, RSVPs) with a publishable key (or none): per key and client address. */
  publicWrite: Quota
  /** Public writes carrying an e-mail address: per organization and address, whoever sends them. */
  email: Quota
  /** Every operation with a secret key: per key. */
  secret: Quota
}

export type PolicyName = 'public-read' | 'public-write' | 'email' | 'secret'

export const policyNames: Record<keyof RateLimitPolicies, PolicyName> = {
  publicRead: 'public-read',
  publicWrite: 'public-write',
  email: 'email',
  secret: 'secret',
}

/**
 * The defaults. Reads are generous: a widget page loads a few lists, and a whole office may share
 * one address. Writes allow a rally's visitors behind one venue Wi-Fi to sign up within a minute,
 * yet stop a script. Five attempts an hour per e-mail address stop mail-bombing someone through
 * the confirmation e-mails while leaving room for typos. Secret keys belong to servers that sync.
 */
export const defaultRateLimits: RateLimitPolicies = {
  publicRead: { limit: 600, windowSeconds: 60 },
  publicWrite: { limit: 20, windowSeconds: 60 },
  email: { limit: 5, windowSeconds: 3600 },
  secret: { limit: 1200, windowSeconds: 60 },
}
