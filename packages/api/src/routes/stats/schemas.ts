import { z } from '@hono/zod-openapi'
import { Count, idParam } from '../common/schemas.js'

export const StatsQuery = z
  .object({
    group: idParam('grp', 'Counts of this group and its descendants.').optional(),
    initiative: idParam('ini', 'Counts of this initiative.').optional(),
  })
  .superRefine((query, ctx) => {
    if (query.group && query.initiative) {
      ctx.addIssue({ code: 'custom', path: ['initiative'], message: 'Ask for a group or an initiative, not both.' })
    }
  })

export const GroupStatsSchema = z
  .object({
    members_active: Count.openapi({ description: 'Confirmed members (of the group and its subgroups).' }),
    initiatives_upcoming: Count,
    initiatives_past: Count,
    rsvps_going: Count.openapi({ description: 'People going to the upcoming initiatives.' }),
    groups: Count.openapi({ description: 'Groups counted, the group itself included.' }),
  })
  .openapi('GroupStats')

export const InitiativeStatsSchema = z
  .object({
    rsvps_going: Count,
    waitlisted: Count,
    capacity: Count.nullable().openapi({ description: 'Null when places are not limited.' }),
    spots_left: Count.nullable().openapi({ description: 'Null when places are not limited.' }),
  })
  .openapi('InitiativeStats')

export const StatsSchema = z.union([GroupStatsSchema, InitiativeStatsSchema]).openapi('Stats')
