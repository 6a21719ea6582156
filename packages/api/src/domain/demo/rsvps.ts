import type { Insertable } from 'kysely'
import type { InitiativeKind, MemberSource, RsvpStatus, RsvpTable } from '../../db/types.js'
import { newId } from '../ids.js'

import type { Host } from './hosts.js'
import type { DemoInitiative } from './initiatives.js'
import type { DemoMember } from './members.js'
import { DAY, HOUR, MINUTE } from './paris-time.js'
import type { Random } from './random.js'
import type { Tenant } from './tenant.js'

export type RsvpRow = Insertable<RsvpTable> & { status: RsvpStatus; created_at: Date; updated_at: Date }

export interface DemoRsvp {
  row: RsvpRow
  member: DemoMember
  source: MemberSource
}

// How many come when nobody caps it: a webinar draws more than a picnic, a rally a crowd.
const openDemand: Record<InitiativeKind, readonly [number, number]> = {
  meeting: [8, 45],
  canvassing: [4, 14],
  leafleting: [3, 12],
  phone_bank: [4, 15],
  rally: [60, 260],
  online: [15, 90],
  other: [6, 35],
}

/**
 * How many members want a place. With a capacity, some initiatives overflow into a waitlist,
 * some sit at zero to two spots left (what a "presque complet" badge is for), most are partly full.
 */
function demand(random: Random, initiative: DemoInitiative): number {
  const { kind, capacity, waitlist_enabled } = initiative.row
  if (capacity === null) return random.int(...openDemand[kind])
  const roll = random.next()
  if (initiative.phase === 'upcoming' && roll < 0.12) return waitlist_enabled ? capacity + random.int(1, 12) : capacity
  if (roll < 0.22) return capacity - random.int(0, Math.min(2, capacity - 1))
  return Math.max(1, Math.round(capacity * (0.15 + 0.6 * random.next())))
}

/** Candidates in the order they are asked: the host's own members first, then those further away. */
function audience(
  random: Random,
  host: Host,
  members: readonly DemoMember[],
  cache: Map<Host, DemoMember[][]>,
): DemoMember[] {
  let rings = cache.get(host)
  if (!rings) {
    rings = [[], []]
    for (const member of members) {
      const ring = host.reach(member)
      if (ring > 0 && member.status === 'active') rings[ring - 1]?.push(member)
    }
    cache.set(host, rings)
  }
  return rings.flatMap((ring) => random.shuffle(ring))
}

interface Reply {
  member: DemoMember
  at: number
  cancelled: boolean
}

/**
 * RSVPs in the order members replied: the first ones up to capacity are going, the rest
 * waitlisted, as the API would have placed them. Also sets the initiatives' counters.
 */
export function buildRsvps(
  random: Random,
  tenant: Tenant,
  initiatives: readonly DemoInitiative[],
  members: readonly DemoMember[],
  now: Date,
): DemoRsvp[] {
  const cache = new Map<Host, DemoMember[][]>()
  const rows: DemoRsvp[] = []
  for (const initiative of initiatives) {
    const { row, phase } = initiative
    if ((phase !== 'upcoming' && phase !== 'past') || !row.published_at) continue
    const wanted = demand(random, initiative)
    const cancellations = Math.round(wanted * 0.08 * random.next())
    const closes = phase === 'upcoming' ? now.getTime() : row.starts_at.getTime() - HOUR
    const replies: Reply[] = []
    for (const member of audience(random, initiative.host, members, cache)) {
      if (replies.length >= wanted + cancellations) break
      const opens = Math.max(row.published_at.getTime(), member.confirmedAt?.getTime() ?? Number.POSITIVE_INFINITY)
      if (opens >= closes) continue
      replies.push({
        member,
        at: Math.round(opens + random.next() * (closes - opens)),
        cancelled: replies.length < cancellations,
      })
    }
    replies.sort((a, b) => a.at - b.at)
    let going = 0
    let waitlisted = 0
    for (const reply of replies) {
      let status: RsvpStatus = 'cancelled'
      if (!reply.cancelled) {
        if (row.capacity === null || going < row.capacity) {
          status = phase === 'past' ? 'attended' : 'going'
          going++
        } else if (row.waitlist_enabled && phase === 'upcoming') {
          status = 'waitlisted'
          waitlisted++
        } else continue
      }
      rows.push(rsvpRow(random, tenant, initiative, reply, status, now))
    }
    row.going_count = going
    row.waitlist_count = waitlisted
  }
  return rows
}

function rsvpRow(
  random: Random,
  tenant: Tenant,
  initiative: DemoInitiative,
  reply: Reply,
  status: RsvpStatus,
  now: Date,
): DemoRsvp {
  const createdAt = new Date(reply.at)
  const { row } = initiative
  let updated = reply.at
  if (status === 'cancelled')
    updated = Math.min(reply.at + random.int(30, 3 * 24 * 60) * MINUTE, now.getTime(), row.starts_at.getTime())
  if (status === 'attended') updated = Math.min(row.ends_at.getTime() + random.next() * DAY, now.getTime())
  const fromList = random.chance(0.6)
  const source: MemberSource = {
    origin: `https://${tenant.siteHost}/${fromList ? 'agenda' : 'agir'}`,
    widget: fromList ? 'relais-event-list' : 'relais-event',
    key_id: null,
  }
  return {
    member: reply.member,
    source,
    row: {
      organization_id: tenant.id,
      id: newId('rsv', createdAt),
      initiative_id: row.id,
      member_id: reply.member.row.id,
      status,
      source: JSON.stringify(source),
      created_at: createdAt,
      updated_at: new Date(Math.max(reply.at, Math.round(updated))),
      queued_at: createdAt,
    },
  }
}
