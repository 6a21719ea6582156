import type { Kysely } from 'kysely'
import type { Database, MembershipRole } from '../../db/types.js'
import { type AuditActor, recordAudit } from '../audit/record.js'
import { DomainError, notFound } from '../errors.js'
import { explainConstraint } from './constraint-errors.js'
import type { GroupMember } from './members-list.js'

export interface MembershipChange {
  member: GroupMember
  /** False when the person was already a member: only the role may have changed. */
  created: boolean
}

/** Puts a member in a group with a role, or sets the role of one already there. */
export async function addGroupMember(
  db: Kysely<Database>,
  organizationId: string,
  groupId: string,
  memberId: string,
  role: MembershipRole,
  now = new Date(),
  audit?: AuditActor,
): Promise<MembershipChange> {
  try {
    return await db.transaction().execute(async (trx) => {
      const group = await trx
        .selectFrom('groups')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('id', '=', groupId)
        .forKeyShare()
        .executeTakeFirst()
      if (!group) throw notFound(`Group ${groupId}`)
      // Shared lock: an erasure running now waits, rather than leaving an erased person in a group.
      const member = await trx
        .selectFrom('members')
        .select(['id', 'given_name', 'family_name', 'email', 'status'])
        .where('organization_id', '=', organizationId)
        .where('id', '=', memberId)
        .forShare()
        .executeTakeFirst()
      if (!member) throw notFound(`Member ${memberId}`)
      if (member.status === 'erased') {
        throw new DomainError('conflict', `Member ${memberId} was erased at their request and cannot join a group.`, [
          { path: 'member_id', message: 'This person was erased.' },
        ])
      }
      const inserted = await trx
        .insertInto('memberships')
        .values({ organization_id: organizationId, group_id: groupId, member_id: memberId, role, created_at: now })
        .onConflict((oc) => oc.columns(['organization_id', 'group_id', 'member_id']).doNothing())
        .returning(['role', 'created_at'])
        .executeTakeFirst()
      const membership =
        inserted ??
        (await trx
          .updateTable('memberships')
          .set({ role })
          .where('organization_id', '=', organizationId)
          .where('group_id', '=', groupId)
          .where('member_id', '=', memberId)
          .returning(['role', 'created_at'])
          .executeTakeFirst())
      if (!membership) throw new DomainError('conflict', 'This membership changed at the same time; retry.')
      if (audit) {
        const details = { group_id: groupId, role: membership.role, created: inserted !== undefined }
        await recordAudit(
          trx,
          audit,
          { action: 'membership.add', targetType: 'member', targetId: memberId, details },
          now,
        )
      }
      const { id, ...person } = member
      return {
        member: { member_id: id, ...person, role: membership.role, joined_at: membership.created_at },
        created: inserted !== undefined,
      }
    })
  } catch (error) {
    throw explainConstraint(error)
  }
}

/** Takes a member out of a group; the person stays known to the organization. */
export async function removeGroupMember(
  db: Kysely<Database>,
  organizationId: string,
  groupId: string,
  memberId: string,
): Promise<void> {
  const result = await db
    .deleteFrom('memberships')
    .where('organization_id', '=', organizationId)
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()
  if (result.numDeletedRows === 0n) {
    throw new DomainError('not_found', `Member ${memberId} is not in group ${groupId}.`)
  }
}
