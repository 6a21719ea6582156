import type { InitiativeKind } from '../../db/types.js'

/** Where an initiative takes place, as an organizer describes it. */
export interface LocationFields {
  name?: string | null
  address?: string | null
  postcode?: string | null
  commune?: string | null
  latitude?: number | null
  longitude?: number | null
  /** Keep the exact address for participants: the public sees coarse coordinates and no address. */
  hide_address?: boolean
}

/** An initiative as an organizer writes it; the edge has checked shapes and lengths. */
export interface InitiativeFields {
  group_id: string
  kind: InitiativeKind
  title: string
  summary?: string
  description?: string
  starts_at: Date
  ends_at: Date
  timezone?: string
  location?: LocationFields | null
  online_url?: string | null
  capacity?: number | null
  waitlist_enabled?: boolean
  tags?: string[]
}

/** A partial change: absent fields stay; a given `location` replaces the whole location. */
export type InitiativeChanges = Partial<InitiativeFields>

/** Tags compare as written by anyone: trimmed, lower case, one Unicode form, each once. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().normalize('NFC').toLowerCase()).filter(Boolean))]
}

export function normalizeTag(tag: string): string {
  return tag.trim().normalize('NFC').toLowerCase()
}
