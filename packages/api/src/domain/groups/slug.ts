import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/types.js'
import { DomainError } from '../errors.js'

type Db = Kysely<Database> | Transaction<Database>

const maxLength = 80

/** A kebab-case ASCII slug for a name: `Section Paris 11e` → `section-paris-11e`, `Écologie` → `ecologie`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '')
  return slug || 'groupe'
}

/** `base`, or the first of `base-2`, `base-3`… that no group of the organization uses yet. */
export async function uniqueSlug(db: Db, organizationId: string, base: string): Promise<string> {
  const rows = await db
    .selectFrom('groups')
    .select('slug')
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute()
  const taken = new Set(rows.map((r) => r.slug))
  if (!taken.has(base)) return base
  let n = 2
  while (taken.has(`${base}-${n}`)) n++
  return `${base}-${n}`
}

/** A slug the client chose must be free: silently renaming it would break the links it was chosen for. */
export async function checkSlugFree(db: Db, organizationId: string, slug: string, exceptId?: string): Promise<void> {
  const holder = await db
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('slug', '=', slug)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId ?? ''))
    .executeTakeFirst()
  if (holder) throw slugTaken(slug, holder.id)
}

export function slugTaken(slug?: string, holderId?: string): DomainError {
  const message = `The slug ${slug ? `${slug} ` : ''}is already used by ${holderId ? `group ${holderId}` : 'another group'}; choose another.`
  return new DomainError('conflict', message, [{ path: 'slug', message }])
}
