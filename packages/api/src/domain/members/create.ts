import type { Kysely, Transaction } from 'kysely'
import type { Database, Member, MemberSource } from '../../db/types.js'
import { type AuditActor, recordAudit } from '../audit/record.js'
import { invalid } from '../errors.js'
import { newId } from '../ids.js'
import { normalizeEmail } from './email.js'
import {
  communeFor,
  distinctTags,
  emailTaken,
  explainMemberConstraint,
  type MemberFields,
  type MemberGroup,
} from './fields.js'
import { refuseSuppressed } from './suppression.js'

export interface NewMemberFields extends MemberFields {
  /** `pending` until the person confirms; `active` when the organizer already holds their consent. */
  status: 'pending' | 'active'
  groups?: MemberGroup[]
}

export interface CreateOptions {
  source: MemberSource
  now?: Date
  /** Who adds the person, for the audit log. */
  audit?: AuditActor
}

/**
 * Adds a person from the organization's own systems (someone an organizer met). The address must
 * be new, and must not belong to someone who asked to be erased; groups must exist.
 */
export async function createMember(
  db: Kysely<Database>,
  organizationId: string,
  fields: NewMemberFields,
  { source, now = new Date(), audit }: CreateOptions,
): Promise<Member> {
  try {
    return await db.transaction().execute(async (trx) => {
      const email = normalizeEmail(fields.email)
      await refuseSuppressed(trx, organizationId, email)
      await checkGroupsExist(trx, organizationId, fields.groups ?? [])
      const postcode = fields.postcode ?? null
      const member = await trx
        .insertInto('members')
        .values({
          organization_id: organizationId,
          id: newId('mem', now),
          email: fields.email.trim(),
          email_normalized: email,
          given_name: fields.given_name,
          family_name: fields.family_name,
          postcode,
          commune: communeFor(postcode, fields.commune),
          phone: fields.phone ?? null,
          status: fields.status,
          language: fields.language,
          tags: distinctTags(fields.tags ?? []),
          source: JSON.stringify(source),
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['organization_id', 'email_normalized']).doNothing())
        .returningAll()
        .executeTakeFirst()
      if (!member) throw emailTaken(await holderOf(trx, organizationId, email))
      if (fields.groups?.length) {
        await trx
          .insertInto('memberships')
          .values(
            fields.groups.map((group) => ({
              organization_id: organizationId,
              group_id: group.group_id,
              member_id: member.id,
              role: group.role,
              created_at: now,
            })),
          )
          .execute()
      }
      if (audit) {
        const details = { status: member.status, groups: (fields.groups ?? []).map((group) => group.group_id) }
        await recordAudit(
          trx,
          audit,
          { action: 'member.create', targetType: 'member', targetId: member.id, details },
          now,
        )
      }
      return member
    })
  } catch (error) {
    throw explainMemberConstraint(error)
  }
}

async function checkGroupsExist(trx: Transaction<Database>, organizationId: string, groups: MemberGroup[]) {
  if (groups.length === 0) return
  const found = await trx
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where(
      'id',
      'in',
      groups.map((group) => group.group_id),
    )
    .forKeyShare()
    .execute()
  const known = new Set(found.map((group) => group.id))
  const index = groups.findIndex((group) => !known.has(group.group_id))
  if (index >= 0) {
    throw invalid(`groups.${index}.group_id`, `Group ${groups[index]?.group_id} was not found in this organization.`)
  }
}

async function holderOf(
  trx: Transaction<Database>,
  organizationId: string,
  email: string,
): Promise<string | undefined> {
  const holder = await trx
    .selectFrom('members')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('email_normalized', '=', email)
    .executeTakeFirst()
  return holder?.id
}
