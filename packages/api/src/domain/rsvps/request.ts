import { type Kysely, sql } from 'kysely'
import type { Database, RsvpRequestDetails } from '../../db/types.js'
import { sha256Hex } from '../hashing.js'
import { requestEmail } from '../mail/email-job.js'
import { decideAdmission } from './admission.js'
import { checkRsvpForm, enrolParticipant, findMemberRsvp, holdsPlace, type RsvpForm } from './form.js'
import { fullError } from './open.js'

export interface RsvpRequest extends RsvpForm {
  /** The form's hidden field was filled in, which only robots do: answer as if accepted, write nothing. */
  robot?: boolean
}

/**
 * Someone asks for a place from a public form. Anyone holding the publishable key may type any
 * address, so the form takes nothing by itself (`decideAdmission`): it records the request, and the
 * e-mail sent to the address carries the link that completes it (`admitConfirmedRsvp`). Every
 * request is answered alike, and nothing public moves until then: neither the counts nor the
 * webhooks tell whether the address was new, a member's, or already registered. An address already
 * holding a place is told so by e-mail instead. Answers the clear confirmation token (none for a
 * robot); only its hash is stored, and the e-mail job gives it a fresh value, so it works until then.
 */
export async function requestRsvp(db: Kysely<Database>, request: RsvpRequest): Promise<string | undefined> {
  const checked = await checkRsvpForm(db, request)
  const { initiative, language } = checked
  // What anyone can see on the initiative may refuse the request, before any write.
  if (decideAdmission({ initiative, vouchedBy: 'public_form' }) === 'full') throw fullError()
  if (request.robot) return undefined
  const organizationId = request.audience.organizationId
  return db.transaction().execute(async (trx) => {
    const enrolment = await enrolParticipant(trx, checked)
    const memberId = enrolment.member.id
    const existing = await findMemberRsvp(trx, organizationId, initiative.id, memberId)
    const held = holdsPlace(existing)
    const confirmation = sha256Hex(enrolment.confirmationToken)
    const details: RsvpRequestDetails = { source: request.source, language }
    // The link serves no longer than the initiative takes RSVPs; only a request can take a place with it.
    await trx
      .updateTable('confirmations')
      .set({
        expires_at: sql<Date>`least(expires_at, ${initiative.ends_at})`,
        rsvp_request: held ? null : JSON.stringify(details),
      })
      .where('organization_id', '=', organizationId)
      .where('token_hash', '=', confirmation)
      .execute()
    await requestEmail(trx, {
      template: held ? 'already-registered' : 'rsvp-request',
      organizationId,
      memberId,
      language,
      confirmation,
      ...(held ? { rsvpId: existing.id } : {}),
    })
    return enrolment.confirmationToken
  })
}
