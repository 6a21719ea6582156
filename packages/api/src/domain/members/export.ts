import { type Kysely, sql } from 'kysely'
import type { Activity, Database, Member, MemberSource, MembershipRole, RsvpStatus } from '../../db/types.js'
import { findMember } from './queries.js'

export interface ExportedMembership {
  group_id: string
  group_name: string
  role: MembershipRole
  joined_at: Date
}

export interface ExportedConsent {
  id: string
  purpose: string
  language: string
  given_at: Date
  confirmed_at: Date | null
  withdrawn_at: Date | null
  source_origin: string | null
  source_widget: string | null
  text: { id: string; version: number; language: string; sha256: string; text: string }
}

export interface ExportedRsvp {
  id: string
  initiative_id: string
  initiative_title: string
  starts_at: Date
  ends_at: Date
  status: RsvpStatus
  source: MemberSource
  created_at: Date
  updated_at: Date
}

export interface ExportedConfirmation {
  purpose: 'signup' | 'rsvp'
  subject_id: string | null
  created_at: Date
  expires_at: Date
  used_at: Date | null
}

/** Everything the organization holds about one person (GDPR art. 15). */
export interface MemberExport {
  generated_at: Date
  member: Member
  memberships: ExportedMembership[]
  consents: ExportedConsent[]
  rsvps: ExportedRsvp[]
  /** Without the token hashes: they are secrets of the links, not data about the person. */
  confirmations: ExportedConfirmation[]
  activity: Activity[]
}

export async function exportMember(
  db: Kysely<Database>,
  organizationId: string,
  memberId: string,
  now = new Date(),
): Promise<MemberExport> {
  const member = await findMember(db, organizationId, memberId)
  const mine = { organizationId, memberId }
  const [memberships, consents, rsvps, confirmations, activity] = await Promise.all([
    membershipsOf(db, mine),
    consentsOf(db, mine),
    rsvpsOf(db, mine),
    db
      .selectFrom('confirmations')
      .select(['purpose', 'subject_id', 'created_at', 'expires_at', 'used_at'])
      .where('organization_id', '=', organizationId)
      .where('member_id', '=', memberId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('activity')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where(sql<string>`payload->>'member_id'`, '=', memberId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute(),
  ])
  return { generated_at: now, member, memberships, consents, rsvps, confirmations, activity }
}

interface Whose {
  organizationId: string
  memberId: string
}

function membershipsOf(db: Kysely<Database>, { organizationId, memberId }: Whose): Promise<ExportedMembership[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('groups', (j) =>
      j
        .onRef('groups.organization_id', '=', 'memberships.organization_id')
        .onRef('groups.id', '=', 'memberships.group_id'),
    )
    .select([
      'memberships.group_id',
      'groups.name as group_name',
      'memberships.role',
      'memberships.created_at as joined_at',
    ])
    .where('memberships.organization_id', '=', organizationId)
    .where('memberships.member_id', '=', memberId)
    .orderBy('memberships.created_at')
    .orderBy('memberships.group_id')
    .execute()
}

async function consentsOf(db: Kysely<Database>, { organizationId, memberId }: Whose): Promise<ExportedConsent[]> {
  const rows = await db
    .selectFrom('consent_records as record')
    .innerJoin('consent_texts as text', (j) =>
      j.onRef('text.organization_id', '=', 'record.organization_id').onRef('text.id', '=', 'record.consent_text_id'),
    )
    .select([
      'record.id',
      'record.purpose',
      'record.language',
      'record.given_at',
      'record.confirmed_at',
      'record.withdrawn_at',
      'record.source_origin',
      'record.source_widget',
      'text.id as text_id',
      'text.version as text_version',
      'text.language as text_language',
      'text.sha256 as text_sha256',
      'text.text as text_text',
    ])
    .where('record.organization_id', '=', organizationId)
    .where('record.member_id', '=', memberId)
    .orderBy('record.given_at')
    .orderBy('record.id')
    .execute()
  return rows.map(({ text_id, text_version, text_language, text_sha256, text_text, ...record }) => ({
    ...record,
    text: { id: text_id, version: text_version, language: text_language, sha256: text_sha256, text: text_text },
  }))
}

function rsvpsOf(db: Kysely<Database>, { organizationId, memberId }: Whose): Promise<ExportedRsvp[]> {
  return db
    .selectFrom('rsvps')
    .innerJoin('initiatives', (j) =>
      j
        .onRef('initiatives.organization_id', '=', 'rsvps.organization_id')
        .onRef('initiatives.id', '=', 'rsvps.initiative_id'),
    )
    .select([
      'rsvps.id',
      'rsvps.initiative_id',
      'initiatives.title as initiative_title',
      'initiatives.starts_at',
      'initiatives.ends_at',
      'rsvps.status',
      'rsvps.source',
      'rsvps.created_at',
      'rsvps.updated_at',
    ])
    .where('rsvps.organization_id', '=', organizationId)
    .where('rsvps.member_id', '=', memberId)
    .orderBy('initiatives.starts_at')
    .orderBy('rsvps.id')
    .execute()
}
