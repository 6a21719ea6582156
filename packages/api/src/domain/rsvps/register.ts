import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database, Initiative, MemberSource, Rsvp } from '../../db/types.js'
import type { ConsentPurpose } from '../consent/purposes.js'
import { resolveConsentTexts } from '../consent/texts.js'
import { invalid } from '../errors.js'
import type { Audience } from '../groups/queries.js'
import { sha256Hex } from '../hashing.js'
import { newId } from '../ids.js'
import { getInitiative } from '../initiatives/queries.js'
import { requestEmail } from '../mail/email-job.js'
import { type Enrolment, enrolPerson } from '../members/enrol.js'
import { findPlace } from '../places/index.js'
import { emitWebhookEvent } from '../webhooks/emit.js'
import { decideAdmission } from './admission.js'
import { waitlistPosition } from './counts.js'
import { lockInitiative } from './lock.js'
import { checkTakesRsvps, fullError, spotsLeft } from './open.js'

export interface RsvpRequest {
  audience: Audience
  initiativeId: string
  person: { email: string; given_name: string; family_name: string; postcode: string; phone?: string | null }
  /** Defaults to the language of the participation text the visitor was shown. */
  language?: string
  consents: { purpose: ConsentPurpose; text_id: string }[]
  source: MemberSource
  /** The form's hidden field was filled in, which only robots do: answer as if accepted, write nothing. */
  robot?: boolean
  now?: Date
}

export interface RsvpOutcome {
  id: string
  initiative_id: string
  status: 'going' | 'waitlisted'
  /** False when the person already held a place or a waitlist spot: nothing was counted twice. */
  created: boolean
  spots_left: number | null
  waitlist_position: number | null
  /**
   * The clear confirmation token made with the RSVP (none for a robot); only its hash is stored. The
   * e-mail job gives it a fresh value when it writes the message, so this one works until then.
   */
  confirmationToken?: string
}

/**
 * Someone registers for an initiative from a public page. Taking part in a party's event reveals a
 * political opinion (GDPR art. 9): nothing is recorded without the participation consent. In one
 * transaction the person is enrolled (before the initiative is locked, to hold that lock briefly),
 * then the place is decided under the lock, so that concurrent requests never exceed the capacity.
 */
export async function registerRsvp(db: Kysely<Database>, request: RsvpRequest): Promise<RsvpOutcome> {
  const { audience, initiativeId, now = new Date() } = request
  const organizationId = audience.organizationId
  const texts = await resolveConsentTexts(db, organizationId, checkConsents(request.consents))
  const shown = await getInitiative(db, { ...audience, includePrivate: false }, initiativeId)
  checkTakesRsvps(shown, initiativeId, now)
  if (request.robot) return pretend(shown)
  const language = request.language ?? texts.find((text) => text.purpose === 'event_participation')?.language ?? 'fr'
  const communes = findPlace(request.person.postcode)?.communes ?? []
  return db.transaction().execute(async (trx) => {
    const enrolment = await enrolPerson(trx, {
      organizationId,
      person: { ...request.person, language, commune: communes.length === 1 ? communes[0]?.name : null },
      consents: texts,
      source: request.source,
      purpose: 'rsvp',
      // The RSVP is the one of this member for this initiative: (initiative, member) is unique.
      subjectId: initiativeId,
      now,
    })
    const initiative = checkTakesRsvps(await lockInitiative(trx, organizationId, initiativeId), initiativeId, now)
    const existing = await trx
      .selectFrom('rsvps')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('initiative_id', '=', initiativeId)
      .where('member_id', '=', enrolment.member.id)
      .executeTakeFirst()
    if (existing && existing.status !== 'cancelled') {
      return announced(
        trx,
        enrolment,
        language,
        await outcome(trx, initiative, existing, false, enrolment.confirmationToken),
      )
    }
    const admission = decideAdmission({
      initiative,
      member: { created: enrolment.created, status: enrolment.member.status },
    })
    if (admission === 'full') throw fullError()
    const rsvp = await writeRsvp(trx, {
      initiative,
      memberId: enrolment.member.id,
      existing,
      admission,
      source: request.source,
      now,
    })
    const counted = await trx
      .updateTable('initiatives')
      .set((eb) =>
        admission === 'going'
          ? { going_count: eb('going_count', '+', 1) }
          : { waitlist_count: eb('waitlist_count', '+', 1) },
      )
      .where('organization_id', '=', organizationId)
      .where('id', '=', initiativeId)
      .returningAll()
      .executeTakeFirstOrThrow()
    await emitWebhookEvent(
      trx,
      organizationId,
      'rsvp.created',
      { rsvp_id: rsvp.id, initiative_id: initiativeId, member_id: enrolment.member.id, status: admission },
      now,
    )
    return announced(trx, enrolment, language, await outcome(trx, counted, rsvp, true, enrolment.confirmationToken))
  })
}

/**
 * Enqueues the RSVP's e-mail (its details, the ICS, and the double opt-in link while the address is
 * unconfirmed) in the RSVP's transaction: it leaves only if the RSVP commits.
 */
async function announced(
  trx: Transaction<Database>,
  enrolment: Enrolment,
  language: string,
  placed: RsvpOutcome,
): Promise<RsvpOutcome> {
  await requestEmail(trx, {
    template: 'rsvp-confirmation',
    organizationId: enrolment.member.organization_id,
    memberId: enrolment.member.id,
    language,
    confirmation: sha256Hex(enrolment.confirmationToken),
    rsvpId: placed.id,
  })
  return placed
}

interface RsvpWrite {
  initiative: Initiative
  memberId: string
  /** A cancelled RSVP of the same member: it is taken up again rather than duplicated. */
  existing: Rsvp | undefined
  admission: 'going' | 'waitlisted'
  source: MemberSource
  now: Date
}

async function writeRsvp(trx: Transaction<Database>, write: RsvpWrite): Promise<Rsvp> {
  const { initiative, existing, now } = write
  // The clock at the write, taken under the lock: the queue keeps the order places were asked for,
  // even between requests of the same millisecond.
  const queued_at = sql<Date>`clock_timestamp()`
  const values = { status: write.admission, source: JSON.stringify(write.source), queued_at, updated_at: now }
  if (existing) {
    return trx
      .updateTable('rsvps')
      .set(values)
      .where('organization_id', '=', existing.organization_id)
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow()
  }
  return trx
    .insertInto('rsvps')
    .values({
      ...values,
      organization_id: initiative.organization_id,
      id: newId('rsv', now),
      initiative_id: initiative.id,
      member_id: write.memberId,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** The participation consent is required; each purpose once. */
function checkConsents(consents: RsvpRequest['consents']): RsvpRequest['consents'] {
  if (!consents.some((consent) => consent.purpose === 'event_participation')) {
    throw invalid('consents', 'Taking part needs the event_participation consent: show its text and send its id.')
  }
  if (new Set(consents.map((consent) => consent.purpose)).size < consents.length) {
    throw invalid('consents', 'Give each consent once.')
  }
  return consents
}

async function outcome(
  trx: Transaction<Database>,
  initiative: Initiative,
  rsvp: Rsvp,
  created: boolean,
  confirmationToken: string,
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
    confirmationToken,
  }
}

/** What a robot is told: the answer a person would get right now, with an id that exists nowhere. */
function pretend(initiative: Initiative): RsvpOutcome {
  const admission = decideAdmission({ initiative, member: { created: true, status: 'pending' } })
  if (admission === 'full') throw fullError()
  const taken = admission === 'going' ? { ...initiative, going_count: initiative.going_count + 1 } : initiative
  return {
    id: newId('rsv'),
    initiative_id: initiative.id,
    status: admission,
    created: true,
    spots_left: spotsLeft(taken),
    waitlist_position: admission === 'waitlisted' ? initiative.waitlist_count + 1 : null,
  }
}
