import { type Kysely, sql, type Transaction } from 'kysely'
import type { ConsentText, Database, Member, MemberSource } from '../../db/types.js'
import { sha256Hex } from '../hashing.js'
import { newId, newSecret } from '../ids.js'
import { type EmailTemplate, emailJobInsert } from '../mail/email-job.js'
import { normalizeEmail } from './email.js'

export interface Person {
  email: string
  given_name: string
  family_name: string
  postcode: string
  commune?: string | null
  phone?: string | null
  language: string
}

export interface Enrolment {
  member: Member
  /** False when the e-mail was already known: nothing about that person was overwritten. */
  created: boolean
  /** The clear confirmation token for the double opt-in e-mail; only its hash is stored. */
  confirmationToken: string
}

export interface EnrolOptions {
  organizationId: string
  person: Person
  /** The texts the person agreed to: at least one, since nothing is recorded without a consent. */
  consents: ConsentText[]
  source: MemberSource
  purpose: 'signup' | 'rsvp'
  /** What the confirmation completes: the group to join, or the RSVP. */
  subjectId?: string | null
  /** The e-mail to enqueue with the same statement, by whether the address was new or known. */
  email?: { created: EmailTemplate; known: EmailTemplate }
  now?: Date
}

const confirmationLifetimeMs = 7 * 24 * 3600 * 1000

/**
 * Records a person met on a public page: a `pending` member when the e-mail is new, the consents
 * they gave (unconfirmed until the e-mail link is followed) and a confirmation token. A known
 * e-mail keeps its data: an anonymous form must not rewrite somebody else's name.
 *
 * One statement whatever the address, so that its timing does not tell whether the address was
 * known: on a known address the insert "updates" the row to itself (no value changes, not even
 * `updated_at`), so both ways lock the member's row and return it without reading it again, and the
 * consents, the confirmation and the e-mail job are written from the row returned. Being one
 * statement, it is atomic without a transaction of its own.
 */
export async function enrolPerson(
  trx: Transaction<Database> | Kysely<Database>,
  options: EnrolOptions,
): Promise<Enrolment> {
  const { organizationId, person, consents, source, now = new Date() } = options
  if (consents.length === 0) throw new Error('enrolPerson needs the consent the person gave.')
  const id = newId('mem', now)
  const confirmationToken = newSecret(24)
  const confirmation = sha256Hex(confirmationToken)
  const memberId = sql<string>`(select "member"."id" from "member")`
  const email = options.email
  const member = await trx
    .with('member', (db) =>
      db
        .insertInto('members')
        .values({
          organization_id: organizationId,
          id,
          email: person.email.trim(),
          email_normalized: normalizeEmail(person.email),
          given_name: person.given_name,
          family_name: person.family_name,
          postcode: person.postcode,
          commune: person.commune ?? null,
          phone: person.phone ?? null,
          status: 'pending',
          language: person.language,
          source: JSON.stringify(source),
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['organization_id', 'email_normalized'])
            .doUpdateSet({ language: (eb) => eb.ref('members.language') }),
        )
        .returningAll(),
    )
    .with('consents', (db) =>
      db.insertInto('consent_records').values(
        consents.map((text) => ({
          organization_id: organizationId,
          id: newId('cns', now),
          member_id: (eb) => eb.selectFrom('member').select('member.id'),
          purpose: text.purpose,
          consent_text_id: text.id,
          text_sha256: text.sha256,
          language: text.language,
          given_at: now,
          source_origin: source.origin ?? null,
          source_widget: source.widget ?? null,
        })),
      ),
    )
    .with('confirmation', (db) =>
      db.insertInto('confirmations').values({
        organization_id: organizationId,
        token_hash: confirmation,
        member_id: (eb) => eb.selectFrom('member').select('member.id'),
        purpose: options.purpose,
        subject_id: options.subjectId ?? null,
        expires_at: new Date(now.getTime() + confirmationLifetimeMs),
        created_at: now,
      }),
    )
    // Without an e-mail to enqueue, a CTE that nothing reads, so PostgreSQL never runs it.
    .with('email', () =>
      email
        ? emailJobInsert({
            template: sql<string>`case when ${memberId} = ${id} then ${email.created} else ${email.known} end`,
            organizationId,
            memberId,
            language: person.language,
            confirmation,
          })
        : sql<{ id: string }>`(select null as id)`,
    )
    .selectFrom('member')
    .selectAll()
    .executeTakeFirstOrThrow()
  return { member, created: member.id === id, confirmationToken }
}
