import { sha256Hex } from '../hashing.js'
import { normalizeEmail } from '../members/email.js'
import type { PolicyName } from './policies.js'

/**
 * The bucket of a caller: a secret key alone (it lives on a server), a publishable key or no key
 * with the client's address. Keys are named by a digest of the token, so that requests are counted
 * before, and whether or not, the key is found.
 */
export function callerBucket(policy: PolicyName, token: string | undefined, address: string): string {
  const key = token ? sha256Hex(`rate-limit\n${token}`).slice(0, 32) : 'anonymous'
  return token?.startsWith('sk_') ? `${policy}:${key}` : `${policy}:${key}@${address}`
}

/**
 * The bucket of an e-mail address within one organization: attempts are counted whether or not
 * the address belongs to a member, so a refusal tells nothing about membership. The address is
 * kept only as a digest, and its row lives no longer than its window.
 */
export function emailBucket(organizationId: string, email: string): string {
  return `email:${sha256Hex(`rate-limit\n${organizationId}\n${normalizeEmail(email)}`)}`
}
