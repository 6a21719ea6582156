import type { Insertable } from 'kysely'
import type { ActivityTable } from '../../db/types.js'
import { newId } from '../ids.js'
import type { GroupRow, GroupTree } from './groups.js'
import type { DemoInitiative } from './initiatives.js'
import type { DemoMember } from './members.js'

export type ActivityRow = Insertable<ActivityTable> & { occurred_at: Date }

const memberMilestones = [100, 250, 500, 1000, 1500, 2000, 2500, 5000]

/**
 * The public story: new sections, published initiatives, member counts. A person appears by
 * first name and town only with a confirmed, unwithdrawn public-activity consent.
 */
export function buildActivity(
  tree: GroupTree,
  initiatives: readonly DemoInitiative[],
  members: readonly DemoMember[],
): ActivityRow[] {
  const rows: ActivityRow[] = []
  const add = (group: GroupRow, kind: string, occurredAt: Date, payload: Record<string, unknown>) =>
    rows.push({
      organization_id: group.organization_id,
      id: newId('act', occurredAt),
      group_id: group.id,
      group_path: group.path,
      kind,
      payload: JSON.stringify(payload),
      occurred_at: occurredAt,
    })

  for (const section of tree.sections) {
    // The payload the API writes when a group is created.
    add(section.row, 'group_created', section.row.created_at, {
      group_id: section.row.id,
      name: section.row.name,
      kind: 'section',
    })
  }
  const groups = new Map(tree.rows.map((row) => [row.id, row]))
  for (const { row } of initiatives) {
    const group = groups.get(row.group_id)
    if (row.status !== 'published' || !row.published_at || !group) continue
    add(group, 'initiative_published', row.published_at, {
      initiative_id: row.id,
      title: row.title,
      kind: row.kind,
      starts_at: row.starts_at.toISOString(),
      commune: row.commune,
    })
  }
  const confirmations = members
    .flatMap((m) => (m.confirmedAt ? [m.confirmedAt] : []))
    .sort((a, b) => a.getTime() - b.getTime())
  for (const count of memberMilestones) {
    const reachedAt = confirmations[count - 1]
    if (reachedAt) add(tree.national, 'members_milestone', reachedAt, { count })
  }
  for (const member of members) {
    if (!member.showsInActivity || !member.confirmedAt || member.unsubscribedAt) continue
    add(member.section.row, 'member_joined', member.confirmedAt, {
      given_name: member.row.given_name,
      commune: member.row.commune,
    })
  }
  return rows.sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime())
}
