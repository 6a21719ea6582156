import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { type AuditActor, recordAudit } from '../audit/record.js'
import { DomainError, type FieldError } from '../errors.js'
import {
  type RetentionCategory,
  type RetentionDays,
  retentionCategories,
  retentionCategoryNames,
} from './categories.js'

export interface RetentionSetting {
  days: number
  /** True when the organization set no delay of its own for this category. */
  isDefault: boolean
}

export type RetentionPolicy = Record<RetentionCategory, RetentionSetting>

/**
 * The organization's retention policy: its own delay per category, else the default
 * (`defaults` overrides the built-in ones: the server's RELAIS_UNCONFIRMED_DAYS, for the jobs).
 */
export async function retentionPolicyOf(
  db: Kysely<Database>,
  organizationId: string,
  defaults: Partial<RetentionDays> = {},
): Promise<RetentionPolicy> {
  const rows = await db
    .selectFrom('retention_policies')
    .select(['category', 'days'])
    .where('organization_id', '=', organizationId)
    .execute()
  const own = new Map(rows.map((row) => [row.category, row.days]))
  return Object.fromEntries(
    retentionCategoryNames.map((category) => {
      const days = own.get(category)
      const fallback = defaults[category] ?? retentionCategories[category].days
      return [category, { days: days ?? fallback, isDefault: days === undefined }]
    }),
  ) as RetentionPolicy
}

/** The days of each category, for the job that applies them. */
export const daysOf = (policy: RetentionPolicy): RetentionDays =>
  Object.fromEntries(retentionCategoryNames.map((category) => [category, policy[category].days])) as RetentionDays

/**
 * Sets the organization's delays: a number sets a category, null returns it to the default;
 * categories not given stay as they are. Every value is checked before anything changes.
 */
export async function setRetentionPolicy(
  db: Kysely<Database>,
  organizationId: string,
  changes: Partial<Record<RetentionCategory, number | null>>,
  { audit, now = new Date() }: { audit?: AuditActor; now?: Date } = {},
): Promise<void> {
  const errors: FieldError[] = []
  for (const [category, days] of Object.entries(changes) as [RetentionCategory, number | null | undefined][]) {
    const { min, max } = retentionCategories[category]
    if (days !== null && days !== undefined && (!Number.isInteger(days) || days < min || days > max)) {
      errors.push({ path: category, message: `Keep ${category.replace(/_/g, ' ')} from ${min} to ${max} days.` })
    }
  }
  if (errors.length > 0) throw new DomainError('invalid', errors.map((error) => error.message).join(' '), errors)
  await db.transaction().execute(async (trx) => {
    for (const [category, days] of Object.entries(changes) as [RetentionCategory, number | null | undefined][]) {
      if (days === undefined) continue
      if (days === null) {
        await trx
          .deleteFrom('retention_policies')
          .where('organization_id', '=', organizationId)
          .where('category', '=', category)
          .execute()
        continue
      }
      await trx
        .insertInto('retention_policies')
        .values({ organization_id: organizationId, category, days, updated_at: now })
        .onConflict((oc) => oc.columns(['organization_id', 'category']).doUpdateSet({ days, updated_at: now }))
        .execute()
    }
    if (audit) {
      const details = { changes: Object.fromEntries(Object.entries(changes).filter(([, days]) => days !== undefined)) }
      await recordAudit(
        trx,
        audit,
        { action: 'retention_policy.update', targetType: 'organization', targetId: organizationId, details },
        now,
      )
    }
  })
}
