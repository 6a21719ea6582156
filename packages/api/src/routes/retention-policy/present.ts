import type { z } from '@hono/zod-openapi'
import { type RetentionCategory, retentionCategories } from '../../domain/retention/categories.js'
import type { RetentionPolicy } from '../../domain/retention/policy.js'
import type { RetentionPolicySchema } from './schemas.js'

export function presentRetentionPolicy(policy: RetentionPolicy): z.infer<typeof RetentionPolicySchema> {
  return Object.fromEntries(
    (Object.keys(retentionCategories) as RetentionCategory[]).map((category) => {
      const { days, min, max } = retentionCategories[category]
      const setting = policy[category]
      return [
        category,
        { days: setting.days, default: setting.isDefault, default_days: days, min_days: min, max_days: max },
      ]
    }),
  ) as z.infer<typeof RetentionPolicySchema>
}
