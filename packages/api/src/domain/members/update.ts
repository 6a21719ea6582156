import type { Kysely, Updateable } from 'kysely'
import type { Database, Member, MemberStatus, MemberTable } from '../../db/types.js'
import { type AuditActor, recordAudit } from '../audit/record.js'
import { DomainError, notFound } from '../errors.js'
import { normalizeEmail } from './email.js'
import { communeFor, distinctTags, emailTaken, explainMemberConstraint, type MemberFields } from './fields.js'
import { refuseSuppressed } from './suppression.js'

export type MemberChanges = Partial<MemberFields> & {
  /** Only between `active` and `unsubscribed`: `pending` ends by confirming, `erased` by erasure. */
  status?: 'active' | 'unsubscribed'
}

export interface UpdateOptions {
  /** From `If-Match`: the versions the client last saw; the update happens only on one of them. */
  expectedVersions?: number[]
  now?: Date
  /** Who rectifies, for the audit log (which keeps the names of the fields changed, not their values). */
  audit?: AuditActor
}

const switchable: MemberStatus[] = ['active', 'unsubscribed']

/** Rectifies a member (GDPR art. 16). Every change bumps `version`, the member's ETag. */
export async function updateMember(
  db: Kysely<Database>,
  organizationId: string,
  memberId: string,
  changes: MemberChanges,
  { expectedVersions, now = new Date(), audit }: UpdateOptions = {},
): Promise<Member> {
  try {
    return await db.transaction().execute(async (trx) => {
      const member = await trx
        .selectFrom('members')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', memberId)
        .forUpdate()
        .executeTakeFirst()
      if (!member) throw notFound(`Member ${memberId}`)
      if (expectedVersions && !expectedVersions.includes(member.version)) {
        throw new DomainError(
          'precondition_failed',
          `Member ${memberId} is now at version ${member.version}, not the one in If-Match; ` +
            'fetch it again and reapply your change.',
        )
      }
      if (member.status === 'erased') {
        throw new DomainError(
          'conflict',
          `Member ${memberId} was erased at their request; nothing about them can be set.`,
        )
      }
      if (Object.values(changes).every((value) => value === undefined)) return member
      checkStatusChange(member, changes.status)
      const email = changes.email === undefined ? undefined : normalizeEmail(changes.email)
      if (email !== undefined && email !== member.email_normalized) {
        await refuseSuppressed(trx, organizationId, email)
        const holder = await trx
          .selectFrom('members')
          .select('id')
          .where('organization_id', '=', organizationId)
          .where('email_normalized', '=', email)
          .executeTakeFirst()
        if (holder) throw emailTaken(holder.id)
      }
      const updated = await trx
        .updateTable('members')
        .set({ ...rowChanges(member, changes), version: member.version + 1, updated_at: now })
        .where('organization_id', '=', organizationId)
        .where('id', '=', memberId)
        .returningAll()
        .executeTakeFirstOrThrow()
      if (audit) {
        const fields = Object.keys(changes).filter((field) => changes[field as keyof MemberChanges] !== undefined)
        const details = { fields, version: updated.version }
        await recordAudit(
          trx,
          audit,
          { action: 'member.update', targetType: 'member', targetId: memberId, details },
          now,
        )
      }
      return updated
    })
  } catch (error) {
    throw explainMemberConstraint(error)
  }
}

function checkStatusChange(member: Member, status: MemberChanges['status']): void {
  if (status === undefined || status === member.status || switchable.includes(member.status)) return
  throw new DomainError(
    'conflict',
    `Member ${member.id} is ${member.status}: only active members can be unsubscribed and unsubscribed ones ` +
      'reactivated here. A pending member becomes active by following the confirmation e-mail.',
    [{ path: 'status', message: `Cannot change the status of a ${member.status} member.` }],
  )
}

function rowChanges(member: Member, changes: MemberChanges): Updateable<MemberTable> {
  const { email, postcode, commune, tags, ...rest } = changes
  const row: Updateable<MemberTable> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
  if (email !== undefined) Object.assign(row, { email: email.trim(), email_normalized: normalizeEmail(email) })
  if (tags !== undefined) row.tags = distinctTags(tags)
  if (postcode !== undefined && postcode !== member.postcode) {
    row.postcode = postcode
    row.commune = communeFor(postcode, commune, member.commune)
  } else if (commune !== undefined) {
    row.commune = commune
  }
  return row
}
