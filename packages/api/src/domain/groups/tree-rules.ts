import type { Kysely, Transaction } from 'kysely'
import type { Database, Group, GroupKind } from '../../db/types.js'
import { DomainError, invalid } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

/** The parents each kind accepts (`null`: the root); thematic and action groups fit anywhere. */
const parentKinds: Record<GroupKind, readonly (GroupKind | null)[] | 'anywhere'> = {
  national: [null],
  federation: ['national'],
  section: ['national', 'federation'],
  thematic: 'anywhere',
  action: 'anywhere',
}

const placementRules: Record<GroupKind, string> = {
  national: 'A national group is the root of the tree: it has no parent.',
  federation: 'A federation sits directly under the national group.',
  section: 'A section sits under the national group or a federation.',
  thematic: 'A thematic group may sit anywhere.',
  action: 'An action group may sit anywhere.',
}

/** Why a group of `kind` may not sit under a parent of `parentKind` (null: at the root), or null when it may. */
export function placementProblem(kind: GroupKind, parentKind: GroupKind | null): string | null {
  const allowed = parentKinds[kind]
  if (allowed === 'anywhere' || allowed.includes(parentKind)) return null
  return placementRules[kind]
}

export function checkPlacement(kind: GroupKind, parent: Pick<Group, 'kind'> | null): void {
  const problem = placementProblem(kind, parent?.kind ?? null)
  if (problem) throw invalid(parent ? 'parent_id' : 'kind', problem)
}

/** A change of kind must still suit the group's own children. */
export async function checkChildrenFit(db: Db, group: Group, kind: GroupKind): Promise<void> {
  const children = await db
    .selectFrom('groups')
    .select('kind')
    .distinct()
    .where('organization_id', '=', group.organization_id)
    .where('parent_id', '=', group.id)
    .execute()
  for (const child of children) {
    const problem = placementProblem(child.kind, kind)
    if (problem)
      throw invalid('kind', `This group has ${child.kind} subgroups, which could no longer sit under it. ${problem}`)
  }
}

/** There is at most one national group per organization: the root of its territorial tree. */
export async function checkSingleNational(db: Db, organizationId: string, exceptId?: string): Promise<void> {
  const existing = await db
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'national')
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId ?? ''))
    .executeTakeFirst()
  if (existing) {
    const message = `This organization already has its national group (${existing.id}); there can be only one.`
    throw new DomainError('conflict', message, [{ path: 'kind', message }])
  }
}
