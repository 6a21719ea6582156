import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely'

/** A timestamp column: read as Date, written as Date or RFC 3339 text, defaulted by the database. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type OptionalTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, string | undefined, string>

export type KeyKind = 'publishable' | 'secret'
export type GroupKind = 'national' | 'federation' | 'section' | 'thematic' | 'action'
export type GroupVisibility = 'public' | 'private'
export type MemberStatus = 'pending' | 'active' | 'unsubscribed' | 'erased'
export type MembershipRole = 'member' | 'organizer'
export type InitiativeKind = 'meeting' | 'canvassing' | 'leafleting' | 'phone_bank' | 'rally' | 'online' | 'other'
export type InitiativeStatus = 'draft' | 'pending_review' | 'published' | 'cancelled'
export type RsvpStatus = 'going' | 'waitlisted' | 'cancelled' | 'attended'

export interface MemberSource {
  origin?: string | null
  widget?: string | null
  key_id?: string | null
}

export interface OrganizationTable {
  id: string
  name: string
  slug: string
  default_language: string
  created_at: Timestamp
}

export interface ApiKeyTable {
  organization_id: string
  id: string
  kind: KeyKind
  name: string
  token_hash: string
  token_hint: string
  scopes: Generated<string[]>
  allowed_origins: Generated<string[]>
  created_at: Timestamp
  revoked_at: OptionalTimestamp
  last_used_at: OptionalTimestamp
}

export interface GroupTable {
  organization_id: string
  id: string
  parent_id: string | null
  /** Materialized path of ids from the root, `/grp_a/grp_b/`: a subtree is a prefix match. */
  path: string
  depth: number
  kind: GroupKind
  name: string
  slug: string
  description: Generated<string>
  visibility: Generated<GroupVisibility>
  department: string | null
  postcodes: Generated<string[]>
  latitude: number | null
  longitude: number | null
  contact_email: string | null
  website_url: string | null
  search_text: string
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface GroupPostcodeTable {
  organization_id: string
  postcode: string
  group_id: string
}

export interface MemberTable {
  organization_id: string
  id: string
  email: string | null
  email_normalized: string | null
  given_name: string | null
  family_name: string | null
  postcode: string | null
  commune: string | null
  phone: string | null
  status: MemberStatus
  language: Generated<string>
  tags: Generated<string[]>
  source: Json<MemberSource>
  confirmed_at: OptionalTimestamp
  erased_at: OptionalTimestamp
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface MembershipTable {
  organization_id: string
  group_id: string
  member_id: string
  role: MembershipRole
  created_at: Timestamp
}

export interface ConsentTextTable {
  organization_id: string
  id: string
  purpose: string
  language: string
  version: number
  text: string
  sha256: string
  created_at: Timestamp
  retired_at: OptionalTimestamp
}

export interface ConsentRecordTable {
  organization_id: string
  id: string
  member_id: string
  purpose: string
  consent_text_id: string
  text_sha256: string
  language: string
  given_at: Timestamp
  source_origin: string | null
  source_widget: string | null
  confirmed_at: OptionalTimestamp
  withdrawn_at: OptionalTimestamp
}

export interface InitiativeTable {
  organization_id: string
  id: string
  group_id: string
  kind: InitiativeKind
  title: string
  summary: string
  description: string
  starts_at: Timestamp
  ends_at: Timestamp
  timezone: string
  location_name: string | null
  address: string | null
  postcode: string | null
  commune: string | null
  latitude: number | null
  longitude: number | null
  /** Coordinates safe to publish: exact, or rounded when the address is hidden until RSVP. */
  public_latitude: number | null
  public_longitude: number | null
  hide_address: Generated<boolean>
  online_url: string | null
  capacity: number | null
  waitlist_enabled: Generated<boolean>
  status: InitiativeStatus
  tags: Generated<string[]>
  going_count: Generated<number>
  waitlist_count: Generated<number>
  search_text: string
  sequence: Generated<number>
  published_at: OptionalTimestamp
  cancelled_at: OptionalTimestamp
  created_at: Timestamp
  updated_at: Timestamp
}

export interface RsvpTable {
  organization_id: string
  id: string
  initiative_id: string
  member_id: string
  status: RsvpStatus
  source: Json<MemberSource>
  created_at: Timestamp
  updated_at: Timestamp
  /** When the member entered the waitlist (or became going): the waitlist is served in this order. */
  queued_at: Timestamp
}

export interface ConfirmationTable {
  organization_id: string
  token_hash: string
  member_id: string
  purpose: 'signup' | 'rsvp'
  subject_id: string | null
  expires_at: Timestamp
  used_at: OptionalTimestamp
  created_at: Timestamp
}

export interface ActivityTable {
  organization_id: string
  id: string
  group_id: string | null
  group_path: string | null
  kind: string
  payload: Json<Record<string, unknown>>
  occurred_at: Timestamp
  /** The writing transaction's id (xid8, as text): with `stream_seq`, the commit-safe stream order. */
  stream_tx: GeneratedAlways<string>
  stream_seq: GeneratedAlways<number>
}

/** Hashes of erased people's addresses: a re-import must not bring them back. */
export interface SuppressionTable {
  organization_id: string
  email_hash: string
  reason: string
  created_at: Timestamp
}

/** A message kept in the database instead of sent (no SMTP_URL): shown at `/dev/mailbox`. */
export interface MailOutboxTable {
  organization_id: string
  id: GeneratedAlways<number>
  member_id: string | null
  /** Which message it is: `signup-confirmation`, `already-member`, `rsvp-confirmation`. */
  template: string
  to_address: string
  subject: string
  text_body: string
  html_body: string
  attachments: Json<MailAttachment[]>
  /** The whole MIME message, as an SMTP server would have received it. */
  raw: string
  created_at: Timestamp
}

export interface MailAttachment {
  filename: string
  content_type: string
  content: string
}

/** The unsubscribe link of a sent message: only its hash is stored. */
export interface UnsubscribeTokenTable {
  organization_id: string
  token_hash: string
  member_id: string
  created_at: Timestamp
  used_at: OptionalTimestamp
}

export interface Database {
  organizations: OrganizationTable
  api_keys: ApiKeyTable
  groups: GroupTable
  group_postcodes: GroupPostcodeTable
  members: MemberTable
  memberships: MembershipTable
  consent_texts: ConsentTextTable
  consent_records: ConsentRecordTable
  initiatives: InitiativeTable
  rsvps: RsvpTable
  confirmations: ConfirmationTable
  activity: ActivityTable
  suppressions: SuppressionTable
  mail_outbox: MailOutboxTable
  unsubscribe_tokens: UnsubscribeTokenTable
}

export type Organization = Selectable<OrganizationTable>
export type ApiKey = Selectable<ApiKeyTable>
export type Group = Selectable<GroupTable>
export type NewGroup = Insertable<GroupTable>
export type Member = Selectable<MemberTable>
export type NewMember = Insertable<MemberTable>
export type MemberUpdate = Updateable<MemberTable>
export type Initiative = Selectable<InitiativeTable>
export type NewInitiative = Insertable<InitiativeTable>
export type Rsvp = Selectable<RsvpTable>
export type ConsentText = Selectable<ConsentTextTable>
export type ConsentRecord = Selectable<ConsentRecordTable>
export type Activity = Selectable<ActivityTable>
