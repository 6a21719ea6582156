import type { Kysely } from 'kysely'
import type { ConsentText, Database, MemberSource } from '../../db/types.js'
import type { ConsentPurpose } from '../consent/purposes.js'
import { resolveConsentTexts } from '../consent/texts.js'
import { invalid } from '../errors.js'
import { type Enrolment, enrolPerson } from '../members/enrol.js'
import { findPlace } from '../places/index.js'

export interface SignupRequest {
  organizationId: string
  person: { email: string; given_name: string; family_name: string; postcode: string; phone?: string | null }
  /** Defaults to the language of the membership text the visitor was shown. */
  language?: string
  groupId?: string | null
  consents: { purpose: ConsentPurpose; text_id: string }[]
  source: MemberSource
  /** The organization's texts in force, when the caller holds them (read recently): spares reading them. */
  textsInForce?: () => Promise<ConsentText[] | undefined>
  now?: Date
}

/**
 * Someone joins from a public form. Membership reveals a political opinion (GDPR art. 9), so
 * nothing is recorded without the membership consent. The person stays `pending`, and the group
 * is joined, only once the e-mail link is followed; that e-mail is enqueued by the write's own
 * statement, in the caller's transaction when given one.
 */
export async function signUp(db: Kysely<Database>, request: SignupRequest): Promise<Enrolment> {
  const { organizationId, person, consents } = request
  const membership = consents.find((consent) => consent.purpose === 'membership')
  if (!membership) {
    throw invalid('consents', 'Joining needs the membership consent: show its text and send its id.')
  }
  if (new Set(consents.map((consent) => consent.purpose)).size < consents.length) {
    throw invalid('consents', 'Give each consent once.')
  }
  if (request.groupId) await requirePublicGroup(db, organizationId, request.groupId)
  const texts = await resolveConsentTexts(db, organizationId, consents, await request.textsInForce?.())
  const language = request.language ?? texts.find((text) => text.purpose === 'membership')?.language ?? 'fr'
  const communes = findPlace(person.postcode)?.communes ?? []
  // One statement writes the person, their consents, the confirmation and its e-mail job: atomic
  // without a transaction, and joined to the caller's when there is one (an Idempotency-Key's).
  // A known address gets no second account and the same answer: its owner learns by e-mail what happened.
  return enrolPerson(db, {
    organizationId,
    person: { ...person, language, commune: communes.length === 1 ? communes[0]?.name : null },
    consents: texts,
    source: request.source,
    purpose: 'signup',
    subjectId: request.groupId ?? null,
    email: { created: 'signup-confirmation', known: 'already-member' },
    now: request.now,
  })
}

// A private group answers exactly like an unknown one: a public form must not reveal that it exists.
async function requirePublicGroup(db: Kysely<Database>, organizationId: string, groupId: string): Promise<void> {
  const group = await db
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', groupId)
    .where('visibility', '=', 'public')
    .executeTakeFirst()
  if (!group) throw invalid('group_id', 'This group cannot be joined here: choose one of the public groups.')
}
