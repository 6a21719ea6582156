import type { Kysely } from 'kysely'
import type { Database, Organization } from '../../db/types.js'
import { consentPurposes } from '../consent/purposes.js'
import { DomainError, invalid } from '../errors.js'
import { sha256Hex } from '../hashing.js'
import { newId } from '../ids.js'
import { foldText } from '../text.js'
import { defaultConsentTexts } from './default-consent-texts.js'

export interface NewOrganization {
  name: string
  /** Defaults to the name in lower case without accents, words joined by hyphens. */
  slug?: string
  defaultLanguage?: 'fr' | 'en'
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function slugify(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}

/**
 * Creates an organization (a party or campaign) with default consent texts for every purpose in
 * French and English, so its public forms work from the first minute.
 */
export async function createOrganization(db: Kysely<Database>, spec: NewOrganization): Promise<Organization> {
  const name = spec.name.trim()
  if (name.length === 0 || name.length > 100) throw invalid('name', 'The name has 1 to 100 characters.')
  const slug = spec.slug ?? slugify(name)
  if (!slugPattern.test(slug) || slug.length > 60) {
    throw invalid('slug', 'A slug has up to 60 lowercase letters, digits and single hyphens, such as parti-exemple.')
  }
  const conflict = () => new DomainError('conflict', `The slug ${slug} is taken; choose another.`)
  return db
    .transaction()
    .execute(async (trx) => {
      const taken = await trx.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst()
      if (taken) throw conflict()
      const organization = await trx
        .insertInto('organizations')
        .values({ id: newId('org'), name, slug, default_language: spec.defaultLanguage ?? 'fr' })
        .returningAll()
        .executeTakeFirstOrThrow()
      const texts = defaultConsentTexts(name)
      await trx
        .insertInto('consent_texts')
        .values(
          consentPurposes.flatMap((purpose) =>
            (['fr', 'en'] as const).map((language) => ({
              organization_id: organization.id,
              id: newId('cst'),
              purpose,
              language,
              version: 1,
              text: texts[purpose][language],
              sha256: sha256Hex(texts[purpose][language]),
            })),
          ),
        )
        .execute()
      return organization
    })
    .catch((error: unknown) => {
      // Two creations racing for one slug: the unique index decides, the loser hears why.
      if ((error as { code?: string }).code === '23505') throw conflict()
      throw error
    })
}
