import type { Insertable } from 'kysely'
import type { InitiativeKind, InitiativeStatus, InitiativeTable } from '../../db/types.js'
import { newId } from '../ids.js'
import type { LocationColumns } from '../initiatives/location.js'
import { initiativeSearchText, publicCoordinates } from '../search-text.js'
import { coordinatesOf, nearby } from './coordinates.js'
import type { Host, HostCategory, InitiativePlace } from './hosts.js'
import { addDays, DAY, MINUTE, parisDateOf } from './paris-time.js'
import type { Random } from './random.js'
import { scheduleFor } from './schedule.js'
import type { DemoSize } from './sizes.js'
import { kebabCase } from './slug.js'
import type { Tenant } from './tenant.js'
import { initiativeWording } from './titles.js'
import { type Tag, tagVocabulary, topicPhrases } from './topics.js'
import { venueFor } from './venues.js'

export type InitiativeRow = Insertable<InitiativeTable> & {
  id: string
  title: string
  starts_at: Date
  ends_at: Date
  capacity: number | null
  waitlist_enabled: boolean
  status: InitiativeStatus
  published_at: Date | null
  commune: string | null
  created_at: Date
  going_count: number
  waitlist_count: number
}

/** Where the initiative sits in time and in its life: RSVPs and activity depend on it. */
export type Phase = 'upcoming' | 'past' | 'draft' | 'cancelled'

export interface DemoInitiative {
  row: InitiativeRow
  host: Host
  phase: Phase
}

export const initiativeKinds: readonly InitiativeKind[] = [
  'meeting',
  'canvassing',
  'leafleting',
  'phone_bank',
  'rally',
  'online',
  'other',
]

const categoryShare: Record<HostCategory, number> = { section: 74, federation: 11, thematic: 7, national: 3, action: 5 }

// Canvassing teams are small, rallies fill halls; null is "no limit".
const capacities: Record<InitiativeKind, { unlimited: number; sizes: readonly number[] }> = {
  meeting: { unlimited: 0.3, sizes: [20, 25, 30, 40, 50, 60, 80] },
  canvassing: { unlimited: 0.2, sizes: [10, 12, 15, 20] },
  leafleting: { unlimited: 0.4, sizes: [10, 15, 20] },
  phone_bank: { unlimited: 0.1, sizes: [10, 12, 15, 20] },
  rally: { unlimited: 0.5, sizes: [150, 180, 200] },
  online: { unlimited: 0.5, sizes: [50, 100, 150] },
  other: { unlimited: 0.4, sizes: [20, 30, 40] },
}

/** Days from today: upcoming ones cluster in the coming weeks, as a campaign calendar does. */
function dayOffset(random: Random, phase: Phase): number {
  if (phase === 'past') return -(7 + Math.floor(random.next() * 54))
  return 1 + Math.floor(83 * random.next() ** 1.4)
}

function pickHost(random: Random, hosts: readonly Host[], forcedKind?: InitiativeKind): Host {
  if (forcedKind)
    return random.weighted(
      hosts.filter((h) => h.kinds[forcedKind]),
      (h) => h.weight,
    )
  const categories = (Object.keys(categoryShare) as HostCategory[]).filter((c) => hosts.some((h) => h.category === c))
  const category = random.weighted(categories, (c) => categoryShare[c])
  return random.weighted(
    hosts.filter((h) => h.category === category),
    (h) => h.weight,
  )
}

export function buildInitiatives(
  random: Random,
  tenant: Tenant,
  hosts: readonly Host[],
  size: DemoSize,
  now: Date,
): DemoInitiative[] {
  const phases: Phase[] = [
    ...Array<Phase>(size.upcomingInitiatives).fill('upcoming'),
    ...Array<Phase>(size.pastInitiatives).fill('past'),
    ...Array<Phase>(size.draftInitiatives).fill('draft'),
    ...Array<Phase>(size.cancelledInitiatives).fill('cancelled'),
  ]
  // The first upcoming ones take each kind in turn, so even a small demo shows every kind.
  return phases.map((phase, i) => {
    const forcedKind = phase === 'upcoming' ? initiativeKinds[i] : undefined
    const host = pickHost(random, hosts, forcedKind)
    const kind = forcedKind ?? random.weighted(Object.keys(host.kinds) as InitiativeKind[], (k) => host.kinds[k] ?? 0)
    return { host, phase, row: buildInitiative(random, tenant, host, kind, phase, now) }
  })
}

function buildInitiative(
  random: Random,
  tenant: Tenant,
  host: Host,
  kind: InitiativeKind,
  phase: Phase,
  now: Date,
): InitiativeRow {
  const place = random.pick(host.places)
  const tag = host.tag ?? random.pick(tagVocabulary)
  const wording = initiativeWording(
    kind,
    {
      commune: place.commune,
      quartier: random.pick(place.quartiers),
      market: place.market,
      ofGroup: host.ofGroup,
      tag,
      topic: random.pick(topicPhrases[tag]),
      siteHost: tenant.siteHost,
    },
    random,
  )
  const { starts_at, ends_at } = scheduleFor(kind, addDays(parisDateOf(now), dayOffset(random, phase)), random)
  const lifecycle = lifecycleOf(random, phase, starts_at, now)
  const location =
    kind === 'online' ? onlineLocation(random, wording.title) : physicalLocation(random, kind, place, wording.location)
  const tags = [tag, ...(random.chance(0.3) ? [random.pick(tagVocabulary.filter((t): t is Tag => t !== tag))] : [])]
  const capacityRule = capacities[kind]
  const row: InitiativeRow = {
    organization_id: tenant.id,
    id: newId('ini', lifecycle.created_at),
    group_id: host.group.id,
    kind,
    title: wording.title,
    summary: wording.summary,
    description: wording.description,
    starts_at,
    ends_at,
    timezone: 'Europe/Paris',
    ...location,
    capacity: random.chance(capacityRule.unlimited) ? null : random.pick(capacityRule.sizes),
    waitlist_enabled: random.chance(0.85),
    tags,
    going_count: 0,
    waitlist_count: 0,
    sequence: 0,
    search_text: '',
    ...lifecycle,
  }
  row.search_text = initiativeSearchText({ ...row, tags })
  return row
}

type Location = LocationColumns & { online_url: string | null }

function physicalLocation(
  random: Random,
  kind: InitiativeKind,
  place: InitiativePlace,
  locationName?: string,
): Location {
  const postcode = random.pick(place.postcodes)
  const { latitude, longitude } = nearby(coordinatesOf(postcode), random)
  // Canvassers meet at a private address more often than not: it is shown once registered.
  const hide_address = kind === 'canvassing' && random.chance(0.6)
  return {
    ...venueFor(kind, random, locationName),
    postcode,
    commune: place.commune,
    latitude,
    longitude,
    ...publicCoordinates(latitude, longitude, hide_address),
    hide_address,
    online_url: null,
  }
}

function onlineLocation(random: Random, title: string): Location {
  const room = `${kebabCase(title).slice(0, 40).replace(/-+$/, '')}-${random.int(1000, 9999)}`
  return {
    location_name: null,
    address: null,
    postcode: null,
    commune: null,
    latitude: null,
    longitude: null,
    public_latitude: null,
    public_longitude: null,
    hide_address: false,
    online_url: `https://visio.example.org/${room}`,
  }
}

interface Lifecycle {
  status: InitiativeStatus
  created_at: Date
  updated_at: Date
  published_at: Date | null
  cancelled_at: Date | null
}

/** Created a few days to weeks ahead, published soon after (a draft never), all before now. */
function lifecycleOf(random: Random, phase: Phase, startsAt: Date, now: Date): Lifecycle {
  const latest = Math.min(now.getTime(), startsAt.getTime()) - 2 * DAY
  const created =
    phase === 'draft'
      ? now.getTime() - random.int(60, 5 * 24 * 60) * MINUTE
      : latest - random.int(0, 28) * DAY - random.int(0, 1439) * MINUTE
  const at = (time: number) => new Date(Math.round(time))
  if (phase === 'draft')
    return { status: 'draft', created_at: at(created), updated_at: at(created), published_at: null, cancelled_at: null }
  const published = Math.min(created + random.int(10, 600) * MINUTE, now.getTime() - MINUTE)
  if (phase !== 'cancelled') {
    return {
      status: 'published',
      created_at: at(created),
      updated_at: at(published),
      published_at: at(published),
      cancelled_at: null,
    }
  }
  const cancelled = published + random.next() * (now.getTime() - published)
  return {
    status: 'cancelled',
    created_at: at(created),
    updated_at: at(cancelled),
    published_at: at(published),
    cancelled_at: at(cancelled),
  }
}
