import { z } from '@hono/zod-openapi'
import { idParam } from '../common/schemas.js'

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
    members_active: z.number().int().openapi({ description: 'Confirmed members (of the group and its subgroups).' }),
    initiatives_upcoming: z.number().int(),
    initiatives_past: z.number().int(),
    rsvps_going: z.number().int().openapi({ description: 'People going to the upcoming initiatives.' }),
    groups: z.number().int().openapi({ description: 'Groups counted, the group itself included.' }),
  })
  .openapi('GroupStats')

export const InitiativeStatsSchema = z
  .object({
    rsvps_going: z.number().int(),
    waitlisted: z.number().int(),
    capacity: z.number().int().nullable().openapi({ description: 'Null when places are not limited.' }),
    spots_left: z.number().int().nullable().openapi({ description: 'Null when places are not limited.' }),
  })
  .openapi('InitiativeStats')

export const StatsSchema = z.union([GroupStatsSchema, InitiativeStatsSchema]).openapi('Stats')
