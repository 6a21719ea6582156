import type { z } from '@hono/zod-openapi'
import type { ListedActivity } from '../../domain/activity/list.js'
import type { ActivitySchema } from './schemas.js'

export function presentActivity(activity: ListedActivity): z.infer<typeof ActivitySchema> {
  return {
    id: activity.id,
    kind: activity.kind,
    group:
      activity.group_id !== null && activity.group_name !== null
        ? { id: activity.group_id, name: activity.group_name }
        : null,
    occurred_at: activity.occurred_at.toISOString(),
    data: activity.payload,
  }
}
