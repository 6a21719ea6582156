import type { InitiativeKind, InitiativeStatus } from '../../src/db/types.js'
import { newId } from '../../src/domain/ids.js'
import { initiativeSearchText } from '../../src/domain/search-text.js'
import type { CopyValue } from './copy.js'
import type { BenchGroup } from './groups.js'
import type { Random } from './random.js'

export interface BenchInitiative {
  id: string
  group: BenchGroup
  status: InitiativeStatus
  startsAt: Date
  capacity: number | null
  /** RSVPs it will receive, decided before it is written so its counts match the rsvps table. */
  rsvps: number
  going: number
  waitlisted: number
  row: CopyValue[]
}

export const initiativeColumns = [
  'organization_id',
  'id',
  'group_id',
  'group_path',
  'under_private_group',
  'kind',
  'title',
  'summary',
  'starts_at',
  'ends_at',
  'location_name',
  'address',
  'postcode',
  'commune',
  'latitude',
  'longitude',
  'public_latitude',
  'public_longitude',
  'online_url',
  'capacity',
  'status',
  'tags',
  'going_count',
  'waitlist_count',
  'search_text',
  'published_at',
  'cancelled_at',
  'created_at',
  'updated_at',
] as const

const kinds: InitiativeKind[] = ['meeting', 'canvassing', 'leafleting', 'phone_bank', 'rally', 'meeting', 'canvassing']
const titles: Record<InitiativeKind, string> = {
  meeting: 'Réunion publique',
  canvassing: 'Porte-à-porte',
  leafleting: 'Tractage au marché',
  phone_bank: 'Phoning',
  rally: 'Meeting',
  online: 'Visio militante',
  other: 'Rencontre',
}
const tagChoices = ['logement', 'santé', 'école', 'climat', 'transports', 'emploi']
const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Initiatives of sections (mostly) and federations: 85 % published and upcoming over the next six
 * months, 8 % past, the rest drafts and cancelled ones. Each is placed in its group's area, online
 * ones excepted. RSVPs are shared out over the published ones with a long tail, as real interest is.
 */
export function buildInitiatives(
  random: Random,
  organizationId: string,
  tree: { federations: BenchGroup[]; sections: BenchGroup[] },
  count: number,
  totalRsvps: number,
  members: number,
  now: Date,
): BenchInitiative[] {
  const drafts: Omit<BenchInitiative, 'row' | 'going' | 'waitlisted'>[] = []
  const weights: number[] = []
  for (let index = 0; index < count; index++) {
    const group = random.chance(0.85) ? random.pick(tree.sections) : random.pick(tree.federations)
    const roll = random.next()
    const status: InitiativeStatus = roll < 0.93 ? 'published' : roll < 0.97 ? 'draft' : 'cancelled'
    const past = roll >= 0.85 && roll < 0.93
    const offset = past ? -random.next() * 90 * DAY : HOUR + random.next() * 180 * DAY
    const startsAt = new Date(Math.round((now.getTime() + offset) / (30 * 60_000)) * 30 * 60_000)
    const capacity = random.chance(0.4) ? 20 + random.int(181) : null
    drafts.push({
      id: newId('ini', new Date(startsAt.getTime() - 20 * DAY)),
      group,
      status,
      startsAt,
      capacity,
      rsvps: 0,
    })
    weights.push(status === 'published' ? random.next() ** 3 : 0)
  }
  const sum = weights.reduce((a, b) => a + b, 0) || 1
  return drafts.map((draft, index) => {
    const rsvps = Math.min(members - 1, Math.round((totalRsvps * (weights[index] ?? 0)) / sum))
    const going = draft.capacity === null ? rsvps : Math.min(rsvps, draft.capacity)
    const initiative = { ...draft, rsvps, going, waitlisted: rsvps - going }
    return { ...initiative, row: initiativeRow(random, organizationId, initiative) }
  })
}

function initiativeRow(random: Random, organizationId: string, initiative: Omit<BenchInitiative, 'row'>): CopyValue[] {
  const kind = random.chance(0.08) ? 'online' : random.pick(kinds)
  const place = random.pick(initiative.group.places)
  const commune = place.communes[0]?.name ?? null
  const title = `${titles[kind]} ${commune ?? ''}`.trim()
  const located = kind !== 'online'
  const latitude = located ? place.latitude + (random.next() - 0.5) * 0.02 : null
  const longitude = located ? place.longitude + (random.next() - 0.5) * 0.02 : null
  const tags = random.chance(0.5) ? [random.pick(tagChoices)] : []
  const created = new Date(initiative.startsAt.getTime() - 20 * DAY)
  const summary = 'Rendez-vous devant la mairie, venez nombreux.'
  const locationName = located ? 'Salle des fêtes' : null
  return [
    organizationId,
    initiative.id,
    initiative.group.id,
    // COPY runs without triggers: the columns the database keeps in step are written here. The
    // bench's groups are all public.
    initiative.group.path,
    false,
    kind,
    title,
    summary,
    initiative.startsAt,
    new Date(initiative.startsAt.getTime() + 2 * HOUR),
    locationName,
    located ? `${1 + random.int(80)} rue de la République` : null,
    located ? place.postcode : null,
    located ? commune : null,
    latitude,
    longitude,
    latitude,
    longitude,
    located ? null : 'https://visio.example.org/bench',
    initiative.capacity,
    initiative.status,
    tags,
    initiative.going,
    initiative.waitlisted,
    initiativeSearchText({ title, summary, location_name: locationName, commune, postcode: place.postcode, tags }),
    initiative.status === 'draft' ? null : created,
    initiative.status === 'cancelled' ? new Date(created.getTime() + DAY) : null,
    created,
    created,
  ]
}
