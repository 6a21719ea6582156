import { newId } from '../../src/domain/ids.js'
import type { CopyValue } from './copy.js'
import type { BenchInitiative } from './initiatives.js'
import type { BenchMember } from './members.js'
import type { Random } from './random.js'

export const rsvpColumns = [
  'organization_id',
  'id',
  'initiative_id',
  'member_id',
  'status',
  'created_at',
  'updated_at',
  'queued_at',
] as const

/**
 * Each initiative's RSVPs come from a run of consecutive members starting at a random one, so no
 * member answers twice for one initiative (rsvps_one_per_member); the first `capacity` go, the rest
 * wait, in queue order, which is what the initiative's counts already say.
 */
export function* rsvpRows(
  random: Random,
  organizationId: string,
  initiatives: BenchInitiative[],
  members: BenchMember[],
): Generator<CopyValue[]> {
  for (const initiative of initiatives) {
    const start = random.int(members.length)
    const opened = initiative.startsAt.getTime() - 20 * 86_400_000
    for (let index = 0; index < initiative.rsvps; index++) {
      const member = members[(start + index) % members.length] as BenchMember
      const at = new Date(opened + index * 60_000)
      yield [
        organizationId,
        newId('rsv', at),
        initiative.id,
        member.id,
        index < initiative.going ? 'going' : 'waitlisted',
        at,
        at,
        at,
      ]
    }
  }
}
