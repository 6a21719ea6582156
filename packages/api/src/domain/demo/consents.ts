import type { Insertable } from 'kysely'
import type { ConsentRecordTable, ConsentTextTable, MemberSource } from '../../db/types.js'
import { type ConsentPurpose, consentPurposes } from '../consent/purposes.js'
import { sha256Hex } from '../hashing.js'
import { newId } from '../ids.js'
import { type ConsentLanguage, type Controller, consentText } from './consent-texts.js'
import type { DemoMember } from './members.js'
import type { DemoRsvp } from './rsvps.js'

export type ConsentTextRow = Insertable<ConsentTextTable> & { id: string; sha256: string }
export type ConsentRecordRow = Insertable<ConsentRecordTable>

const languages: readonly ConsentLanguage[] = ['fr', 'en']

export function buildConsentTexts(organizationId: string, controller: Controller, createdAt: Date): ConsentTextRow[] {
  return consentPurposes.flatMap((purpose) =>
    languages.map((language) => {
      const text = consentText(purpose, language, controller)
      return {
        organization_id: organizationId,
        id: newId('cst', createdAt),
        purpose,
        language,
        version: 1,
        text,
        sha256: sha256Hex(text),
        created_at: createdAt,
      }
    }),
  )
}

/**
 * What members agreed to, in their language. At sign-up: membership always (art. 9 allows
 * nothing without it), news for most, public activity for a few; leaving withdraws them all.
 * Each RSVP form shows the event-participation text again, so each RSVP has its own record.
 */
export function buildConsentRecords(
  members: readonly DemoMember[],
  rsvps: readonly DemoRsvp[],
  texts: readonly ConsentTextRow[],
): ConsentRecordRow[] {
  const textFor = new Map(texts.map((text) => [`${text.purpose}:${text.language}`, text]))
  const record = (
    member: DemoMember,
    purpose: ConsentPurpose,
    at: Date,
    source: MemberSource,
    confirmedAt: Date | null,
    withdrawnAt: Date | null,
  ): ConsentRecordRow => {
    const text = textFor.get(`${purpose}:${member.row.language}`)
    if (!text) throw new Error(`no ${purpose} consent text in ${member.row.language}`)
    return {
      organization_id: member.row.organization_id,
      id: newId('cns', at),
      member_id: member.row.id,
      purpose,
      consent_text_id: text.id,
      text_sha256: text.sha256,
      language: text.language,
      given_at: at,
      source_origin: source.origin ?? null,
      source_widget: source.widget ?? null,
      confirmed_at: confirmedAt,
      withdrawn_at: withdrawnAt,
    }
  }
  const records: ConsentRecordRow[] = []
  for (const member of members) {
    const purposes: ConsentPurpose[] = ['membership']
    if (member.wantsNews) purposes.push('news')
    if (member.showsInActivity) purposes.push('public_activity')
    for (const purpose of purposes) {
      records.push(record(member, purpose, member.createdAt, member.source, member.confirmedAt, member.unsubscribedAt))
    }
  }
  // Members who RSVP are already confirmed: the API records their consent as confirmed at once.
  for (const rsvp of rsvps) {
    const at = rsvp.row.created_at
    records.push(
      record(
        rsvp.member,
        'event_participation',
        at,
        rsvp.source,
        at,
        rsvp.row.status === 'cancelled' ? rsvp.row.updated_at : null,
      ),
    )
  }
  return records
}
