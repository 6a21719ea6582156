import type { Initiative } from '../../db/types.js'

export type Admission = 'going' | 'waitlisted' | 'full' | 'pending_confirmation'

/**
 * Who stands behind an RSVP: a public form (anyone holding the publishable key, for any address),
 * the organization's own server (a secret key), or the owner of the address, who followed the link
 * that the form's e-mail carried.
 */
export type RsvpVoucher = 'public_form' | 'organization' | 'email_link'

export interface AdmissionRequest {
  initiative: Pick<Initiative, 'capacity' | 'going_count' | 'waitlist_enabled'>
  vouchedBy: RsvpVoucher
}

/**
 * Where an RSVP goes: a free place, else the waitlist when there is one, else nowhere. A public
 * form alone takes nothing: a place given at once would tell whoever fills the form in whether the
 * address was already registered (the counts would not move), and would let anyone register someone
 * else for a party's event. It waits for the owner of the address to confirm.
 */
export function decideAdmission({ initiative, vouchedBy }: AdmissionRequest): Admission {
  const free = initiative.capacity === null || initiative.going_count < initiative.capacity
  if (!free && !initiative.waitlist_enabled) return 'full'
  if (vouchedBy === 'public_form') return 'pending_confirmation'
  return free ? 'going' : 'waitlisted'
}
