import { type Kysely, type SqlBool, sql, type Transaction } from 'kysely'
import type { Database, Member, MemberStatus } from '../../db/types.js'
import { DomainError, invalid, notFound } from '../errors.js'
import { subtreeIds } from '../groups/subtree.js'
import { type CursorKey, decodeCursor, type Page, toPage } from '../pagination.js'
import type { MemberGroup } from './fields.js'
import { matchesQuery } from './search.js'

type Db = Kysely<Database> | Transaction<Database>

export type ListedMember = Member & { groups: MemberGroup[] }

export interface ConsentSummary {
  purpose: string
  given_at: Date
  confirmed_at: Date | null
  withdrawn_at: Date | null
}

export type MemberDetail = ListedMember & { consents: ConsentSummary[] }

export interface MemberFilter {
  /** Erased people are left out unless asked for by this status. */
  status?: MemberStatus
  /** Members of this group or any of its subgroups. */
  groupId?: string
  tag?: string
  postcode?: string
  q?: string
  createdAfter?: Date
  createdBefore?: Date
  limit: number
  cursor?: string
}

export async function findMember(db: Db, organizationId: string, memberId: string): Promise<Member> {
  const member = await db
    .selectFrom('members')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', memberId)
    .executeTakeFirst()
  if (!member) throw notFound(`Member ${memberId}`)
  return member
}

/** One member with their groups and, per purpose, the state of their latest consent. */
export async function getMemberDetail(db: Db, organizationId: string, memberId: string): Promise<MemberDetail> {
  return detailOf(db, await findMember(db, organizationId, memberId))
}

export async function detailOf(db: Db, member: Member): Promise<MemberDetail> {
  const [groups, consents] = await Promise.all([
    groupsOf(db, member.organization_id, [member.id]),
    db
      .selectFrom('consent_records')
      .select(['purpose', 'given_at', 'confirmed_at', 'withdrawn_at'])
      .distinctOn('purpose')
      .where('organization_id', '=', member.organization_id)
      .where('member_id', '=', member.id)
      .orderBy('purpose')
      .orderBy('given_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ])
  return { ...member, groups: groups.get(member.id) ?? [], consents }
}

// Timestamps keep microseconds in the database but milliseconds in JavaScript: the cursor carries
// the exact database value as text, so a page boundary never repeats or skips a row.
const createdKey = sql<string>`to_char(members.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/** Members in the order they became known, then by id, with their groups. */
export async function listMembers(db: Db, organizationId: string, filter: MemberFilter): Promise<Page<ListedMember>> {
  const group = filter.groupId ? await findFilterGroup(db, organizationId, filter.groupId) : undefined
  const after = filter.cursor ? afterKey(filter.cursor) : undefined
  const rows = await db
    .selectFrom('members')
    .selectAll('members')
    .select(createdKey.as('created_key'))
    .where('members.organization_id', '=', organizationId)
    .$if(filter.status === undefined, (qb) => qb.where('members.status', '!=', 'erased'))
    .$if(filter.status !== undefined, (qb) => qb.where('members.status', '=', filter.status ?? 'active'))
    .$if(group !== undefined, (qb) =>
      qb.where('members.id', 'in', (eb) =>
        eb
          .selectFrom('memberships')
          .select('memberships.member_id')
          .where('memberships.organization_id', '=', organizationId)
          .where('memberships.group_id', 'in', subtreeIds(db, organizationId, group?.path ?? '')),
      ),
    )
    .$if(filter.tag !== undefined, (qb) => qb.where((eb) => eb(eb.val(filter.tag), '=', eb.fn.any('members.tags'))))
    .$if(filter.postcode !== undefined, (qb) => qb.where('members.postcode', '=', filter.postcode ?? ''))
    .$if(filter.q !== undefined, (qb) => qb.where(matchesQuery(filter.q ?? '')))
    .$if(filter.createdAfter !== undefined, (qb) =>
      qb.where('members.created_at', '>', filter.createdAfter ?? new Date()),
    )
    .$if(filter.createdBefore !== undefined, (qb) =>
      qb.where('members.created_at', '<', filter.createdBefore ?? new Date()),
    )
    .$if(after !== undefined, (qb) =>
      qb.where(sql<SqlBool>`(members.created_at, members.id) > (${after?.[0]}::timestamptz, ${after?.[1]})`),
    )
    .orderBy('members.created_at')
    .orderBy('members.id')
    .limit(filter.limit + 1)
    .execute()
  const groups = await groupsOf(
    db,
    organizationId,
    rows.slice(0, filter.limit).map((row) => row.id),
  )
  return toPage(
    rows,
    filter.limit,
    (row): CursorKey => [row.created_key, row.id],
    ({ created_key: _, ...member }) => ({ ...member, groups: groups.get(member.id) ?? [] }),
  )
}

/** The groups of some members, each list in the order they joined. */
export async function groupsOf(
  db: Db,
  organizationId: string,
  memberIds: string[],
): Promise<Map<string, MemberGroup[]>> {
  const byMember = new Map<string, MemberGroup[]>()
  if (memberIds.length === 0) return byMember
  const rows = await db
    .selectFrom('memberships')
    .select(['member_id', 'group_id', 'role'])
    .where('organization_id', '=', organizationId)
    .where('member_id', 'in', memberIds)
    .orderBy('created_at')
    .orderBy('group_id')
    .execute()
  for (const { member_id, ...group } of rows) byMember.set(member_id, [...(byMember.get(member_id) ?? []), group])
  return byMember
}

async function findFilterGroup(db: Db, organizationId: string, groupId: string) {
  const group = await db
    .selectFrom('groups')
    .select('path')
    .where('organization_id', '=', organizationId)
    .where('id', '=', groupId)
    .executeTakeFirst()
  if (!group) throw invalid('query.group', `Group ${groupId} was not found in this organization.`)
  return group
}

const exactTimestamp = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

/** A cursor's key, checked down to the date itself: a forged one must not reach the database. */
function afterKey(cursor: string): [string, string] {
  const [at, id] = decodeCursor(cursor, 2)
  if (typeof at === 'string' && exactTimestamp.test(at) && typeof id === 'string') {
    const millis = `${at.slice(0, 23)}Z`
    const parsed = Date.parse(millis)
    if (!Number.isNaN(parsed) && new Date(parsed).toISOString() === millis) return [at, id]
  }
  throw new DomainError('invalid', 'The cursor is not one this API gave out.', [
    { path: 'cursor', message: 'Pass the next_cursor of the previous page unchanged.' },
  ])
}
