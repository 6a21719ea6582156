import { z } from '@hono/zod-openapi'
import {
  Count,
  EmailOut,
  HttpUrl,
  idOf,
  idParam,
  ListQuery,
  Postcode,
  pageOf,
  Timestamp,
  UrlOut,
} from '../common/schemas.js'

export const groupKinds = ['national', 'federation', 'section', 'thematic', 'action'] as const

export const GroupIdParam = z.object({ group_id: idParam('grp', 'The group.') })

export const GroupSchema = z
  .object({
    id: idOf('grp'),
    parent_id: idOf('grp').nullable(),
    kind: z.enum(groupKinds),
    name: z.string().max(200).openapi({ example: 'Section Paris 11e' }),
    slug: z.string().max(100).openapi({ example: 'section-paris-11e' }),
    description: z.string().max(5000),
    visibility: z.enum(['public', 'private']),
    department: z.string().max(3).nullable().openapi({ example: '75' }),
    postcodes: z
      .array(Postcode)
      .max(500)
      .openapi({ example: ['75011'] }),
    location: z
      .object({ latitude: z.number(), longitude: z.number() })
      .nullable()
      .openapi({ description: 'Where the group meets or the centre of its area.' }),
    contact_email: EmailOut.nullable(),
    website_url: UrlOut.nullable(),
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
    members: Count.openapi({ description: 'Active members in the group and its subgroups.' }),
    subgroups: Count,
    upcoming_initiatives: Count,
  })
  .openapi('GroupCounts')

export const GroupDetailSchema = GroupSchema.extend({ counts: GroupCountsSchema }).openapi('GroupDetail')

export const GroupPageSchema = pageOf(GroupSchema, 'GroupPage')

export const GroupListQuery = ListQuery.extend({
  parent: idParam('grp', 'Only the direct subgroups of this group.').optional(),
  kind: z.enum(groupKinds).optional(),
  near: Postcode.optional().openapi({ description: 'A French postcode: groups covering it, then the nearest.' }),
  radius_km: z.coerce.number().min(1).max(200).default(30).openapi({ description: 'With `near`: how far to look.' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Words in the name, department or postcodes.' }),
})

const Slug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A slug is lower-case ASCII letters and digits joined by single dashes.')
  .openapi({ example: 'section-paris-11e' })

const Department = z
  .string()
  .regex(/^(?:\d{2,3}|2[AB])$/, 'A French department code: 2 digits, 2A, 2B or 3 digits overseas.')
  .openapi({ example: '75', maxLength: 3 })

// Both coordinates or neither: half a location would place the group nowhere.
const coordinatesTogether = (value: { latitude?: number | null; longitude?: number | null }) =>
  (value.latitude === undefined) === (value.longitude === undefined) &&
  (value.latitude === null) === (value.longitude === null)
const coordinatesMessage = { message: 'Give latitude and longitude together.', path: ['longitude'] }

const groupFields = {
  parent_id: idParam('grp', 'The parent group; null or absent: at the root.').nullable().optional(),
  kind: z.enum(groupKinds).openapi({
    description:
      '`national` is the root (one per organization), `federation` sits under it, `section` under either; ' +
      '`thematic` and `action` groups sit anywhere.',
  }),
  name: z.string().trim().min(1).max(200).openapi({ example: 'Section Paris 11e' }),
  slug: Slug.optional().openapi({ description: 'Derived from the name when absent; must be unique.' }),
  description: z.string().max(5000).optional(),
  visibility: z.enum(['public', 'private']).optional().openapi({ description: 'Default `public`.' }),
  department: Department.nullable().optional(),
  postcodes: z.array(Postcode).max(500).optional().openapi({ description: 'The postcodes the group covers.' }),
  latitude: z.number().min(-90).max(90).nullable().optional().openapi({
    description: 'Default: the centre of the first postcode.',
  }),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  contact_email: z.string().trim().max(254).email('Enter a valid e-mail address.').nullable().optional(),
  website_url: HttpUrl.nullable().optional(),
}

export const GroupCreateSchema = z
  .strictObject(groupFields)
  .refine(coordinatesTogether, coordinatesMessage)
  .openapi('GroupCreate')

export const GroupUpdateSchema = z
  .strictObject({
    ...groupFields,
    kind: groupFields.kind.optional(),
    name: groupFields.name.optional(),
    parent_id: idParam('grp', 'Moves the group and its subgroups under this group; null: to the root.')
      .nullable()
      .optional(),
  })
  .refine(coordinatesTogether, coordinatesMessage)
  .openapi('GroupUpdate', { description: 'Only the fields given change.' })

export const IfMatchHeader = z.object({
  'if-match': z
    .string()
    .max(1000)
    .optional()
    .openapi({ description: 'The ETag of the group as you last read it: the change fails with 412 if it moved on.' }),
})

export const membershipRoles = ['member', 'organizer'] as const

export const GroupMemberParams = z.object({
  group_id: idParam('grp', 'The group.'),
  member_id: idParam('mem', 'The member.'),
})

export const GroupMemberSchema = z
  .object({
    member_id: idOf('mem'),
    given_name: z.string().max(100).nullable(),
    family_name: z.string().max(100).nullable(),
    email: EmailOut.nullable(),
    status: z.enum(['pending', 'active', 'unsubscribed', 'erased']),
    role: z.enum(membershipRoles),
    joined_at: Timestamp,
  })
  .openapi('GroupMember')

export const GroupMemberPageSchema = pageOf(GroupMemberSchema, 'GroupMemberPage')

export const GroupMemberListQuery = ListQuery.extend({
  role: z.enum(membershipRoles).optional(),
  include_subgroups: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .openapi({
      type: 'boolean',
      default: false,
      description: 'Also the members of every subgroup, each once with their highest role.',
    }),
})

export const GroupMembershipCreateSchema = z
  .strictObject({
    member_id: idParam('mem', 'The member to add.'),
    role: z.enum(membershipRoles).default('member'),
  })
  .openapi('GroupMembershipCreate')
