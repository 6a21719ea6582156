import { z } from '@hono/zod-openapi'
import { idParam, ListQuery, Postcode, pageOf, Timestamp } from '../common/schemas.js'

export const groupKinds = ['national', 'federation', 'section', 'thematic', 'action'] as const

export const GroupIdParam = z.object({ group_id: idParam('grp', 'The group.') })

export const GroupSchema = z
  .object({
    id: z.string().openapi({ example: 'grp_06f3k2n8q1v7x0b4c9d2e5h8j1' }),
    parent_id: z.string().nullable(),
    kind: z.enum(groupKinds),
    name: z.string().openapi({ example: 'Section Paris 11e' }),
    slug: z.string().openapi({ example: 'section-paris-11e' }),
    description: z.string(),
    visibility: z.enum(['public', 'private']),
    department: z.string().nullable().openapi({ example: '75' }),
    postcodes: z.array(z.string()).openapi({ example: ['75011'] }),
    location: z
      .object({ latitude: z.number(), longitude: z.number() })
      .nullable()
      .openapi({ description: 'Where the group meets or the centre of its area.' }),
    contact_email: z.string().nullable(),
    website_url: z.string().nullable(),
    distance_km: z
      .number()
      .nullable()
      .optional()
      .openapi({ description: 'With `near`: distance from the postcode (0 when the group covers it).' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Group')

export const GroupCountsSchema = z
  .object({
    members: z.number().int().openapi({ description: 'Active members in the group and its subgroups.' }),
    subgroups: z.number().int(),
    upcoming_initiatives: z.number().int(),
  })
  .openapi('GroupCounts')

export const GroupDetailSchema = GroupSchema.extend({ counts: GroupCountsSchema }).openapi('GroupDetail')

export const GroupPageSchema = pageOf(GroupSchema, 'GroupPage')

export const GroupListQuery = ListQuery.extend({
  parent: idParam('grp', 'Only the direct subgroups of this group.').optional(),
  kind: z.enum(groupKinds).optional(),
  near: Postcode.optional().openapi({ description: 'A French postcode: groups covering it, then the nearest.' }),
  radius_km: z.coerce.number().min(1).max(200).default(30).openapi({ description: 'With `near`: how far to look.' }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Words in the name, department or postcodes.' }),
})
