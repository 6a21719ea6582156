import type { Kysely, Transaction } from 'kysely'
import type { Database, Initiative, Rsvp } from '../../db/types.js'
import { sha256Hex } from '../hashing.js'
import { requestEmail } from '../mail/email-job.js'
import { decideAdmission } from './admission.js'
import { waitlistPosition } from './counts.js'
import { checkRsvpForm, enrolParticipant, findMemberRsvp, holdsPlace, type RsvpForm } from './form.js'
import { lockInitiative } from './lock.js'
import { checkTakesRsvps, fullError, spotsLeft } from './open.js'
import { takePlace } from './place.js'

export interface RsvpOutcome {
  id: string
  initiative_id: string
  status: 'going' | 'waitlisted'
  /** False when the person already held a place or a waitlist spot: nothing was counted twice. */
  created: boolean
  spots_left: number | null
  waitlist_position: number | null
}

/**
 * The organization's own server registers someone (a secret key): it answers for the person's
 * consent, so the place is given at once, as a confirmed RSVP's would be. In one transaction the
 * person is enrolled, then the place is decided under the initiative's lock, so that concurrent
 * registrations never exceed the capacity. Public forms go through `requestRsvp` instead.
 */
export async function registerRsvp(db: Kysely<Database>, form: RsvpForm): Promise<RsvpOutcome> {
  const checked = await checkRsvpForm(db, form)
  const { initiativeId, audience } = form
  const organizationId = audience.organizationId
  const { now, language } = checked
  return db.transaction().execute(async (trx) => {
    const enrolment = await enrolParticipant(trx, checked)
    const initiative = checkTakesRsvps(await lockInitiative(trx, organizationId, initiativeId), initiativeId, now)
    const existing = await findMemberRsvp(trx, organizationId, initiativeId, enrolment.member.id)
    let outcome: RsvpOutcome
    if (holdsPlace(existing)) {
      outcome = await outcomeOf(trx, initiative, existing, false)
    } else {
      const admission = decideAdmission({ initiative, vouchedBy: 'organization' })
      if (admission !== 'going' && admission !== 'waitlisted') throw fullError()
      const memberId = enrolment.member.id
      const placed = await takePlace(trx, { initiative, memberId, existing, admission, source: form.source, now })
      outcome = await outcomeOf(trx, placed.initiative, placed.rsvp, true)
    }
    // Its details, the ICS, and the double opt-in link while the address is unconfirmed: the
    // e-mail leaves only if the RSVP commits.
    await requestEmail(trx, {
      template: 'rsvp-confirmation',
      organizationId,
      memberId: enrolment.member.id,
      language,
      confirmation: sha256Hex(enrolment.confirmationToken),
      rsvpId: outcome.id,
    })
    return outcome
  })
}

async function outcomeOf(
  trx: Transaction<Database>,
  initiative: Initiative,
  rsvp: Rsvp,
  created: boolean,
): Promise<RsvpOutcome> {
  // An RSVP already marked as attended answers as going: the place is held either way.
  const status = rsvp.status === 'waitlisted' ? 'waitlisted' : 'going'
  return {
    id: rsvp.id,
    initiative_id: initiative.id,
    status,
    created,
    spots_left: spotsLeft(initiative),
    waitlist_position: status === 'waitlisted' ? await waitlistPosition(trx, rsvp) : null,
  }
}
