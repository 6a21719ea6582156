import { z } from '@hono/zod-openapi'
import { type RetentionCategory, retentionCategories } from '../../domain/retention/categories.js'
import { Count } from '../common/schemas.js'

const descriptions: Record<RetentionCategory, string> = {
  unconfirmed_signups: 'Sign-ups whose address was never confirmed are erased (address not suppressed).',
  unsubscribed_members: 'Members unsubscribed and unchanged this long are erased, their address suppressed.',
  inactive_members: 'Members with no change, RSVP, group joined or consent this long are erased.',
  past_rsvps: 'RSVPs are deleted this long after their initiative ended; the counts stay.',
  sent_mail: 'Copies of e-mails kept in the database are deleted.',
  audit_events: 'Audit events are deleted.',
}

const categories = Object.keys(retentionCategories) as RetentionCategory[]

const SettingSchema = z.object({
  days: Count,
  default: z.boolean().openapi({ description: 'True when your organization set no delay of its own.' }),
  default_days: Count,
  min_days: Count,
  max_days: Count,
})

export const RetentionPolicySchema = z
  .object(
    Object.fromEntries(
      categories.map((category) => [category, SettingSchema.openapi({ description: descriptions[category] })]),
    ) as Record<RetentionCategory, typeof SettingSchema>,
  )
  .openapi('RetentionPolicy', { description: 'Per category, how many days data is kept; applied every night.' })

const days = (category: RetentionCategory) => {
  const { min, max } = retentionCategories[category]
  return z
    .number()
    .int('Give a whole number of days.')
    .min(min, `Keep ${category.replace(/_/g, ' ')} at least ${min} days.`)
    .max(max, `Keep ${category.replace(/_/g, ' ')} at most ${max} days.`)
    .nullable()
    .optional()
    .openapi({
      description: `${descriptions[category]} ${min}–${max} days; null returns to the default.`,
      format: 'int32',
    })
}

export const RetentionPolicyUpdateSchema = z
  .strictObject(
    Object.fromEntries(categories.map((category) => [category, days(category)])) as Record<
      RetentionCategory,
      ReturnType<typeof days>
    >,
  )
  .openapi('RetentionPolicyUpdate', { description: 'The categories to change; the others stay as they are.' })
