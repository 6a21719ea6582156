import type { Initiative, MemberStatus } from '../../db/types.js'

export type Admission = 'going' | 'waitlisted' | 'full'

export interface AdmissionRequest {
  initiative: Pick<Initiative, 'capacity' | 'going_count' | 'waitlist_enabled'>
  /**
   * Who asks. Not consulted yet: when RSVPs from unconfirmed e-mail addresses must wait for their
   * confirmation, the rule that answers `pending_confirmation` goes here, and only here.
   */
  member: { created: boolean; status: MemberStatus }
}

/** Where a new RSVP goes: a free place, else the waitlist when there is one, else nowhere. */
export function decideAdmission({ initiative }: AdmissionRequest): Admission {
  if (initiative.capacity === null || initiative.going_count < initiative.capacity) return 'going'
  return initiative.waitlist_enabled ? 'waitlisted' : 'full'
}
