import { newId } from '../../src/domain/ids.js'
import type { Place } from '../../src/domain/places/index.js'
import type { CopyValue } from './copy.js'
import type { BenchGroup } from './groups.js'
import type { Random } from './random.js'

export interface BenchMember {
  id: string
  section: BenchGroup
  place: Place
  status: 'active' | 'pending' | 'unsubscribed'
  joinedAt: Date
}

export interface ConsentTextRef {
  id: string
  sha256: string
}

export const memberColumns = [
  'organization_id',
  'id',
  'email',
  'email_normalized',
  'given_name',
  'family_name',
  'postcode',
  'commune',
  'status',
  'language',
  'confirmed_at',
  'created_at',
  'updated_at',
] as const

export const membershipColumns = ['organization_id', 'group_id', 'member_id', 'role', 'created_at'] as const

export const consentColumns = [
  'organization_id',
  'id',
  'member_id',
  'purpose',
  'consent_text_id',
  'text_sha256',
  'language',
  'given_at',
  'confirmed_at',
] as const

const givenNames = ['Camille', 'Louise', 'Jules', 'Inès', 'Hugo', 'Léa', 'Nathan', 'Chloé', 'Malik', 'Sofia']
const familyNames = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy']

/** Members spread over the sections, joined over the last three years; most confirmed their address. */
export function buildMembers(random: Random, sections: BenchGroup[], count: number, now: Date): BenchMember[] {
  const span = 3 * 365 * 86_400_000
  const members: BenchMember[] = []
  for (let index = 0; index < count; index++) {
    const section = random.pick(sections)
    const joinedAt = new Date(now.getTime() - span + Math.floor((index / count) * span))
    const roll = random.next()
    members.push({
      id: newId('mem', joinedAt),
      section,
      place: random.pick(section.places),
      status: roll < 0.9 ? 'active' : roll < 0.97 ? 'pending' : 'unsubscribed',
      joinedAt,
    })
  }
  return members
}

export function* memberRows(organizationId: string, members: BenchMember[]): Generator<CopyValue[]> {
  for (const [index, member] of members.entries()) {
    const email = `member${index}@bench.example.org`
    yield [
      organizationId,
      member.id,
      email,
      email,
      givenNames[index % givenNames.length] as string,
      familyNames[index % familyNames.length] as string,
      member.place.postcode,
      member.place.communes.length === 1 ? (member.place.communes[0]?.name ?? null) : null,
      member.status,
      'fr',
      member.status === 'pending' ? null : member.joinedAt,
      member.joinedAt,
      member.joinedAt,
    ]
  }
}

/** Confirmed members belong to their section; every hundredth one organizes it. */
export function* membershipRows(organizationId: string, members: BenchMember[]): Generator<CopyValue[]> {
  for (const [index, member] of members.entries()) {
    if (member.status === 'pending') continue
    yield [organizationId, member.section.id, member.id, index % 100 === 0 ? 'organizer' : 'member', member.joinedAt]
  }
}

/** Everyone gave the membership consent (the form requires it); half also asked for news. */
export function* consentRows(
  organizationId: string,
  members: BenchMember[],
  texts: { membership: ConsentTextRef; news: ConsentTextRef },
): Generator<CopyValue[]> {
  for (const [index, member] of members.entries()) {
    const confirmed = member.status === 'pending' ? null : member.joinedAt
    const purposes = index % 2 === 0 ? (['membership', 'news'] as const) : (['membership'] as const)
    for (const purpose of purposes) {
      const text = texts[purpose]
      yield [
        organizationId,
        newId('cns', member.joinedAt),
        member.id,
        purpose,
        text.id,
        text.sha256,
        'fr',
        member.joinedAt,
        confirmed,
      ]
    }
  }
}
