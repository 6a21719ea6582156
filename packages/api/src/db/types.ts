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
  /** The group's materialized path, for subtree filters; the database keeps it in step (migration 0012). */
  group_path: GeneratedAlways<string>
  /** Whether the group is private or sits under a private group; kept in step likewise. */
  under_private_group: GeneratedAlways<boolean>
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
  /** Set while the link completes a public RSVP request, which takes a place only once confirmed. */
  rsvp_request: Json<RsvpRequestDetails> | null
}

/** What a place asked for from a public form needs once its link is followed. */
export interface RsvpRequestDetails {
  source: MemberSource
  /** The language of the form: the e-mails that follow speak it. */
  language: string
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
  /** Which message it is: `signup-confirmation`, `already-member`, `rsvp-request`, `rsvp-confirmation`, `already-registered`. */
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

/** One read, export, change or erasure of personal data, or a change of keys or policy: ids only. */
export interface AuditEventTable {
  organization_id: string
  id: GeneratedAlways<number>
  occurred_at: Timestamp
  /** Such as `member.read`, `member.erase`, `key.create`, `retention.applied`. */
  action: string
  /** `system` for jobs (retention), `operator` for the command line. */
  actor_kind: AuditActorKind
  key_id: string | null
  target_type: string
  target_id: string | null
  details: Json<Record<string, unknown>>
  request_id: string | null
  client_address: string | null
}

export type AuditActorKind = KeyKind | 'system' | 'operator'

/** An organization's own retention delay for one category of data. */
export interface RetentionPolicyTable {
  organization_id: string
  category: string
  days: number
  updated_at: Timestamp
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
  webhook_endpoints: WebhookEndpointTable
  webhook_deliveries: WebhookDeliveryTable
  audit_events: AuditEventTable
  retention_policies: RetentionPolicyTable
  idempotency_keys: IdempotencyKeyTable
  rate_limit_counters: RateLimitCounterTable
  instance_secrets: InstanceSecretTable
  spent_challenges: SpentChallengeTable
}

/** Secrets every API process shares (the proof-of-work signing key), made by a migration. */
export interface InstanceSecretTable {
  name: string
  value: string
  created_at: Generated<Date>
}

/** Solved proof-of-work challenges already used, by signature, kept until they expire. */
export interface SpentChallengeTable {
  signature: string
  expires_at: Date
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

/** An organization's server that receives signed webhook events (see docs/webhooks.md). */
export interface WebhookEndpointTable {
  organization_id: string
  id: string
  url: string
  description: Generated<string>
  event_types: string[]
  /** `whsec_…`: an HMAC key, kept as given out because signing needs it. */
  secret: string
  /** The secret before the last rotation: it signs too until `previous_secret_expires_at`. */
  previous_secret: string | null
  previous_secret_expires_at: OptionalTimestamp
  enabled: Generated<boolean>
  disabled_at: OptionalTimestamp
  disabled_reason: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed'

/** One attempt at delivering a webhook, as the delivery log shows it. */
export interface WebhookAttempt {
  attempt: number
  at: string
  status_code: number | null
  error: string | null
  duration_ms: number
}

/** One event for one endpoint: the message, its state and its attempts. */
export interface WebhookDeliveryTable {
  organization_id: string
  /** `msg_…`, the `webhook-id` header: the same on every attempt. */
  id: string
  endpoint_id: string
  event_type: string
  payload: Json<Record<string, unknown>>
  status: Generated<WebhookDeliveryStatus>
  attempts: Generated<number>
  attempt_log: Json<WebhookAttempt[]>
  last_status_code: number | null
  last_error: string | null
  last_attempt_at: OptionalTimestamp
  next_attempt_at: OptionalTimestamp
  delivered_at: OptionalTimestamp
  created_at: Timestamp
  updated_at: Timestamp
}

/** The answer to a request sent with `Idempotency-Key`, replayed to retries for 24 hours. */
export interface IdempotencyKeyTable {
  organization_id: string
  key_id: string
  idempotency_key: string
  fingerprint: string
  status: number
  headers: Json<Record<string, string>>
  body: string
  created_at: Timestamp
  expires_at: ColumnType<Date, Date | string, Date | string>
}

/** Requests counted in one fixed window of one rate-limit bucket. */
export interface RateLimitCounterTable {
  bucket: string
  window_start: ColumnType<Date, Date | string, Date | string>
  hits: number
  expires_at: ColumnType<Date, Date | string, Date | string>
}
