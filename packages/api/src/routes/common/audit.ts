import type { Context } from 'hono'
import { type AuditActor, type AuditEntry, recordAudit } from '../../domain/audit/record.js'
import { clientAddress, unknownAddress } from '../../middleware/rate-limit/client-address.js'

// Bounds on what a client sends in headers: the log keeps a short, printable value or nothing.
const printable = (value: string | undefined, max: number) =>
  value && /^[\x21-\x7e]+$/.test(value) ? value.slice(0, max) : null

// The address as the rate limits count it: the socket's peer, or what a trusted proxy (TRUST_PROXY)
// says, never a client's own X-Forwarded-For; IPv6 only as its /64, which is all the log needs.
function clientAddressOf(c: Context): string | null {
  const address = clientAddress(c, c.get('config').trustProxy)
  return address === unknownAddress ? null : printable(address, 100)
}

/** The caller of a secret operation, as the audit log records them. */
export function auditActor(c: Context): AuditActor {
  const caller = c.get('caller')
  return {
    organizationId: caller.organizationId,
    kind: caller.kind,
    keyId: caller.keyId,
    requestId: printable(c.req.header('x-request-id'), 200),
    clientAddress: clientAddressOf(c),
  }
}

/**
 * Records a read of personal data once it succeeded, before the answer leaves: an answer is never
 * sent without its trace. Writes record in their own transaction instead (`recordAudit(trx, …)`).
 */
export function auditRead(c: Context, entry: AuditEntry): Promise<void> {
  return recordAudit(c.get('db'), auditActor(c), entry)
}
