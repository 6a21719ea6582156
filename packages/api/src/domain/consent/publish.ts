import type { Kysely } from 'kysely'
import type { ConsentText, Database } from '../../db/types.js'
import { type AuditActor, recordAudit } from '../audit/record.js'
import { DomainError } from '../errors.js'
import { sha256Hex } from '../hashing.js'
import { newId } from '../ids.js'
import type { ConsentPurpose } from './purposes.js'

export interface NewConsentText {
  purpose: ConsentPurpose
  language: 'fr' | 'en'
  text: string
}

/**
 * Publishes the organization's new wording for a purpose and language: the next version, with
 * its fingerprint computed here (a client cannot claim one), and the version it replaces retired
 * in the same transaction, so exactly one is current. Forms still showing the retired text have
 * their sign-ups refused and reload; every version stays readable, as the proof of what people
 * agreed to. The versions are locked first, so two publications in a row get two versions.
 */
export async function publishConsentText(
  db: Kysely<Database>,
  organizationId: string,
  { purpose, language, text }: NewConsentText,
  { audit, now = new Date() }: { audit?: AuditActor; now?: Date } = {},
): Promise<{ text: ConsentText; retired: string[] }> {
  try {
    return await db.transaction().execute(async (trx) => {
      const versions = await trx
        .selectFrom('consent_texts')
        .select(['id', 'version', 'retired_at'])
        .where('organization_id', '=', organizationId)
        .where('purpose', '=', purpose)
        .where('language', '=', language)
        .orderBy('version', 'desc')
        .forUpdate()
        .execute()
      const created = await trx
        .insertInto('consent_texts')
        .values({
          organization_id: organizationId,
          id: newId('cst', now),
          purpose,
          language,
          version: (versions[0]?.version ?? 0) + 1,
          text,
          sha256: sha256Hex(text),
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      const retired = versions.filter((version) => version.retired_at === null).map((version) => version.id)
      if (retired.length > 0) {
        await trx
          .updateTable('consent_texts')
          .set({ retired_at: now })
          .where('organization_id', '=', organizationId)
          .where('id', 'in', retired)
          .execute()
      }
      if (audit) {
        const details = { purpose, language, version: created.version, sha256: created.sha256, retired }
        await recordAudit(
          trx,
          audit,
          { action: 'consent_text.create', targetType: 'consent_text', targetId: created.id, details },
          now,
        )
      }
      return { text: created, retired }
    })
  } catch (error) {
    // The first version of a purpose and language has no row to lock: a simultaneous one collides here.
    if ((error as { code?: string }).code === '23505') {
      throw new DomainError('conflict', 'Another version of this text was published at the same time; retry.')
    }
    throw error
  }
}
