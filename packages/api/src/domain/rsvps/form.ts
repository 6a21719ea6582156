import type { Kysely, Transaction } from 'kysely'
import type { ConsentText, Database, MemberSource, Rsvp } from '../../db/types.js'
import type { ConsentPurpose } from '../consent/purposes.js'
import { resolveConsentTexts } from '../consent/texts.js'
import { invalid } from '../errors.js'
import type { Audience } from '../groups/queries.js'
import { getInitiative } from '../initiatives/queries.js'
import type { InitiativeView } from '../initiatives/visibility.js'
import { type Enrolment, enrolPerson } from '../members/enrol.js'
import { findPlace } from '../places/index.js'
import { checkTakesRsvps } from './open.js'

/** What a person fills in to register for an initiative. */
export interface RsvpForm {
  audience: Audience
  initiativeId: string
  person: { email: string; given_name: string; family_name: string; postcode: string; phone?: string | null }
  /** Defaults to the language of the participation text the visitor was shown. */
  language?: string
  consents: { purpose: ConsentPurpose; text_id: string }[]
  source: MemberSource
  /** The organization's texts in force, when the caller holds them (read recently): spares reading them. */
  textsInForce?: () => Promise<ConsentText[] | undefined>
  now?: Date
}

/** The form checked: the consent texts shown, the initiative as the public sees it, the language. */
export interface CheckedRsvpForm {
  form: RsvpForm
  texts: ConsentText[]
  initiative: InitiativeView
  language: string
  now: Date
}

/**
 * Checks an RSVP form before anything is written. Taking part in a party's event reveals a political
 * opinion (GDPR art. 9): nothing is recorded without the participation consent. Only public
 * initiatives that still take RSVPs are open to it, whoever calls.
 */
export async function checkRsvpForm(db: Kysely<Database>, form: RsvpForm): Promise<CheckedRsvpForm> {
  const { audience, initiativeId, now = new Date() } = form
  const consents = checkConsents(form.consents)
  const texts = await resolveConsentTexts(db, audience.organizationId, consents, await form.textsInForce?.())
  const initiative = await getInitiative(db, { ...audience, includePrivate: false }, initiativeId)
  checkTakesRsvps(initiative, initiativeId, now)
  const language = form.language ?? texts.find((text) => text.purpose === 'event_participation')?.language ?? 'fr'
  return { form, texts, initiative, language, now }
}

/**
 * Records the person of a checked form (a `pending` member when the address is new, the consents,
 * a confirmation whose subject is the initiative), before the initiative is locked, to hold that
 * lock briefly.
 */
export function enrolParticipant(trx: Transaction<Database>, checked: CheckedRsvpForm): Promise<Enrolment> {
  const { form, texts, language, now } = checked
  const communes = findPlace(form.person.postcode)?.communes ?? []
  return enrolPerson(trx, {
    organizationId: form.audience.organizationId,
    person: { ...form.person, language, commune: communes.length === 1 ? communes[0]?.name : null },
    consents: texts,
    source: form.source,
    purpose: 'rsvp',
    // The RSVP is the one of this member for this initiative: (initiative, member) is unique.
    subjectId: form.initiativeId,
    now,
  })
}

/** The member's RSVP for the initiative, whatever its status. */
export function findMemberRsvp(
  db: Kysely<Database> | Transaction<Database>,
  organizationId: string,
  initiativeId: string,
  memberId: string,
): Promise<Rsvp | undefined> {
  return db
    .selectFrom('rsvps')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()
}

/** Whether an RSVP holds a place or a waitlist spot (a cancelled one is taken up again rather than duplicated). */
export const holdsPlace = (rsvp: Rsvp | undefined): rsvp is Rsvp => rsvp !== undefined && rsvp.status !== 'cancelled'

/** The participation consent is required; each purpose once. */
function checkConsents(consents: RsvpForm['consents']): RsvpForm['consents'] {
  if (!consents.some((consent) => consent.purpose === 'event_participation')) {
    throw invalid('consents', 'Taking part needs the event_participation consent: show its text and send its id.')
  }
  if (new Set(consents.map((consent) => consent.purpose)).size < consents.length) {
    throw invalid('consents', 'Give each consent once.')
  }
  return consents
}
