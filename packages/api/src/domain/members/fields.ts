import type { MembershipRole } from '../../db/types.js'
import { DomainError } from '../errors.js'
import { findPlace } from '../places/index.js'

/** What an organizer may set on a member; only the fields given change on an update. */
export interface MemberFields {
  email: string
  given_name: string
  family_name: string
  postcode?: string | null
  commune?: string | null
  phone?: string | null
  language: string
  tags?: string[]
}

export interface MemberGroup {
  group_id: string
  role: MembershipRole
}

export const emailTaken = (memberId?: string) =>
  new DomainError(
    'conflict',
    memberId
      ? `A member with this e-mail address already exists: ${memberId}.`
      : 'A member with this e-mail address already exists.',
    [{ path: 'email', message: 'This address belongs to another member.' }],
  )

/** Tags as a set: trimmed, each once, in the order first given. */
export function distinctTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))]
}

/**
 * The commune of a postcode when none is given: the postcode's only commune, or the current one when
 * the postcode still covers it; several candidates and no way to choose leave it empty.
 */
export function communeFor(
  postcode: string | null,
  given: string | null | undefined,
  current?: string | null,
): string | null {
  if (given !== undefined) return given
  if (postcode === null) return null
  const communes = findPlace(postcode)?.communes ?? []
  if (communes.length === 1) return communes[0]?.name ?? null
  return communes.some((commune) => commune.name === current) ? (current ?? null) : null
}

/**
 * What a constraint the database enforced means for the client: checks run first in the same
 * transaction, so this only catches a concurrent write, which must not become a 500.
 */
export function explainMemberConstraint(error: unknown): unknown {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string }
  if (code === '23505' && constraint === 'members_email') return emailTaken()
  if (code === '23505' || code === '23503') {
    return new DomainError(
      'conflict',
      'This member or a group involved changed at the same time; fetch it again and retry.',
    )
  }
  return error
}
