import type { Context } from 'hono'
import { spendProof } from '../../domain/proof-of-work/spend.js'

/**
 * Spends the solved challenge a public form sent, when this server asks for one. Browsers prove
 * work; an organization's own servers (secret keys) do not. A form a robot filled (the hidden
 * honeypot field) is answered as if accepted and not checked.
 */
export async function requireProof(c: Context, form: { proof?: string | undefined; website?: string | undefined }) {
  const settings = c.get('config').proofOfWork
  if (!settings || form.website || c.get('caller').kind === 'secret') return
  await spendProof(c.get('db'), form.proof, settings)
}
