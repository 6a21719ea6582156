/**
 * The events an endpoint may subscribe to, each sent in the transaction of the write that causes
 * it. Payloads carry ids and public facts; a member appears by id only (see docs/webhooks.md).
 */
export const webhookEventTypes = [
  'initiative.published',
  'initiative.cancelled',
  'rsvp.created',
  'member.confirmed',
  'member.erased',
  'group.created',
] as const

export type WebhookEventType = (typeof webhookEventTypes)[number]

/** Sent only on request, to check an endpoint: no endpoint subscribes to it. */
export const testEventType = 'webhook.test'

export interface WebhookEventData {
  'initiative.published': InitiativeEventData
  'initiative.cancelled': InitiativeEventData
  'rsvp.created': { rsvp_id: string; initiative_id: string; member_id: string; status: 'going' | 'waitlisted' }
  'member.confirmed': {
    member_id: string
    /** What the person confirmed: a sign-up (maybe to a group) or their address given with an RSVP. */
    purpose: 'signup' | 'rsvp'
    group_id: string | null
    initiative_id: string | null
  }
  /** A person was erased (their request, or the retention policy): erase them downstream too (GDPR art. 19). */
  'member.erased': { member_id: string }
  'group.created': {
    group_id: string
    parent_id: string | null
    name: string
    kind: string
    visibility: 'public' | 'private'
  }
}

export interface InitiativeEventData {
  initiative_id: string
  group_id: string
  title: string
  kind: string
  status: string
  starts_at: string
  ends_at: string
  timezone: string
  commune: string | null
}

/** The body of every webhook, per the Standard Webhooks spec: `type`, `timestamp`, `data`. */
export interface WebhookPayload {
  type: string
  timestamp: string
  data: object
}
