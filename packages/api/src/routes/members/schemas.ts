import { z } from '@hono/zod-openapi'
import {
  Count,
  DateTimeInput,
  EmailOut,
  idOf,
  idParam,
  LanguageOut,
  ListQuery,
  Postcode,
  pageOf,
  Timestamp,
} from '../common/schemas.js'

export const memberStatuses = ['pending', 'active', 'unsubscribed', 'erased'] as const
const membershipRoles = ['member', 'organizer'] as const

export const MemberIdParam = z.object({ member_id: idParam('mem', 'The member.') })

const Email = z
  .string()
  .trim()
  .max(254, 'This e-mail address is too long.')
  .email('Enter a valid e-mail address.')
  .openapi({ example: 'camille.martin@example.org', description: 'Unique in the organization, whatever its case.' })

const PersonName = z.string().trim().min(1).max(100)

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .()-]{6,24}$/, 'Enter a phone number, such as +33 6 12 34 56 78.')
  .openapi({ example: '+33 6 12 34 56 78', maxLength: 25 })

const Tag = z.string().trim().min(1).max(50).openapi({ example: 'bénévole' })

export const MemberGroupSchema = z
  .object({
    group_id: idOf('grp'),
    role: z.enum(membershipRoles),
  })
  .openapi('MemberGroup')

export const MemberSourceSchema = z
  .object({
    // A page address of 2,000 characters, percent-encoded when normalized (9 characters for some).
    origin: z.string().max(18_000).nullable().openapi({
      format: 'uri',
      description: 'The page of the form, when from a widget.',
    }),
    widget: z.string().max(63).nullable().openapi({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
    key_id: idOf('key').nullable().openapi({ description: 'The secret key that created the member, if one did.' }),
  })
  .openapi('MemberSource', { description: 'Where the member came from.' })

export const MemberSchema = z
  .object({
    id: idOf('mem'),
    email: EmailOut.nullable().openapi({ description: 'Null once erased, like every personal field.' }),
    given_name: z.string().max(100).nullable(),
    family_name: z.string().max(100).nullable(),
    postcode: Postcode.nullable(),
    commune: z.string().max(100).nullable(),
    phone: z.string().max(25).nullable(),
    status: z.enum(memberStatuses),
    language: LanguageOut,
    tags: z.array(z.string().max(50)).max(50),
    // Memberships are added one by one too: no input bound applies, this is a generous one.
    groups: z.array(MemberGroupSchema).max(10_000),
    source: MemberSourceSchema,
    confirmed_at: Timestamp.nullable().openapi({ description: 'When the person confirmed their e-mail address.' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Member')

export const ConsentSummarySchema = z
  .object({
    purpose: z.string().max(50).openapi({ example: 'membership' }),
    given_at: Timestamp,
    confirmed_at: Timestamp.nullable(),
    withdrawn_at: Timestamp.nullable(),
  })
  .openapi('ConsentSummary')

export const MemberDetailSchema = MemberSchema.extend({
  consents: z.array(ConsentSummarySchema).max(50).openapi({
    description: 'Per purpose, the latest consent record; the export lists every record with its text.',
  }),
}).openapi('MemberDetail')

export const MemberPageSchema = pageOf(MemberSchema, 'MemberPage')

export const MemberListQuery = ListQuery.extend({
  status: z.enum(memberStatuses).optional().openapi({ description: 'Erased members are listed only when asked for.' }),
  group: idParam('grp', 'Members of this group or of any of its subgroups.').optional(),
  tag: Tag.optional(),
  postcode: Postcode.optional(),
  q: z.string().trim().min(1).max(100).optional().openapi({
    description: 'Words in the name or e-mail address, whatever the accents or case; a full address matches exactly.',
  }),
  created_after: DateTimeInput.optional().openapi({ description: 'RFC 3339.' }),
  created_before: DateTimeInput.optional().openapi({ description: 'RFC 3339.' }),
})

const memberFields = {
  email: Email,
  given_name: PersonName.openapi({ example: 'Camille' }),
  family_name: PersonName.openapi({ example: 'Martin' }),
  postcode: Postcode.nullable().optional(),
  commune: z.string().trim().min(1).max(100).nullable().optional().openapi({
    description: 'Derived from the postcode when it has a single commune.',
  }),
  phone: Phone.nullable().optional(),
  language: z.enum(['fr', 'en']).openapi({ description: 'The language of the e-mails.' }),
  tags: z.array(Tag).max(50).optional(),
}

export const MemberCreateSchema = z
  .strictObject({
    ...memberFields,
    language: memberFields.language.default('fr'),
    status: z.enum(['pending', 'active']).default('pending').openapi({
      description: '`pending` until the person confirms; `active` only when you already hold their consent.',
    }),
    groups: z
      .array(
        z.strictObject({
          group_id: idParam('grp', 'A group to join.'),
          role: z.enum(membershipRoles).default('member'),
        }),
      )
      .max(50)
      .optional()
      .refine(
        (groups) => new Set(groups?.map((group) => group.group_id)).size === (groups?.length ?? 0),
        'Give each group once.',
      ),
  })
  .openapi('MemberCreate')

export const MemberUpdateSchema = z
  .strictObject({
    email: Email.optional(),
    given_name: memberFields.given_name.optional(),
    family_name: memberFields.family_name.optional(),
    postcode: memberFields.postcode,
    commune: memberFields.commune,
    phone: memberFields.phone,
    language: memberFields.language.optional(),
    tags: memberFields.tags,
    status: z.enum(['active', 'unsubscribed']).optional().openapi({
      description: 'Unsubscribe an active member, or reactivate an unsubscribed one.',
    }),
  })
  .openapi('MemberUpdate', { description: 'Only the fields given change; null clears an optional field.' })

export const IfMatchHeader = z.object({
  'if-match': z
    .string()
    .max(1000)
    .optional()
    .openapi({ description: 'The ETag of the member as you last read it: the change fails with 412 if it moved on.' }),
})

const about = z.object({ fr: z.string().max(2000), en: z.string().max(2000) })

// An export lists a person's whole history: the bounds are generous, never reached in practice.
const history = <T extends z.ZodType>(item: T) => z.array(item).max(100_000)

export const MemberExportSchema = z
  .object({
    generated_at: Timestamp,
    about: z
      .object({
        member: about,
        memberships: about,
        consents: about,
        rsvps: about,
        confirmations: about,
        activity: about,
      })
      .openapi({ description: 'What each section holds and why, in French and English, for the person.' }),
    member: MemberSchema.omit({ groups: true }).extend({ erased_at: Timestamp.nullable() }),
    memberships: history(
      z.object({
        group_id: idOf('grp'),
        group_name: z.string().max(200),
        role: z.enum(membershipRoles),
        joined_at: Timestamp,
      }),
    ),
    consents: history(
      z.object({
        id: idOf('cns'),
        purpose: z.string().max(50),
        language: LanguageOut,
        given_at: Timestamp,
        confirmed_at: Timestamp.nullable(),
        withdrawn_at: Timestamp.nullable(),
        source_origin: MemberSourceSchema.shape.origin,
        source_widget: MemberSourceSchema.shape.widget,
        text: z.object({
          id: idOf('cst'),
          version: Count,
          language: LanguageOut,
          sha256: z
            .string()
            .max(64)
            .regex(/^[0-9a-f]{64}$/),
          text: z.string().max(20_000).openapi({ description: 'The exact text the person agreed to.' }),
        }),
      }),
    ),
    rsvps: history(
      z.object({
        id: idOf('rsv'),
        initiative_id: idOf('ini'),
        initiative_title: z.string().max(200),
        starts_at: Timestamp,
        ends_at: Timestamp,
        status: z.enum(['going', 'waitlisted', 'cancelled', 'attended']),
        source: MemberSourceSchema,
        created_at: Timestamp,
        updated_at: Timestamp,
      }),
    ),
    confirmations: history(
      z.object({
        purpose: z.enum(['signup', 'rsvp']),
        subject_id: z.string().max(60).nullable(),
        created_at: Timestamp,
        expires_at: Timestamp,
        used_at: Timestamp.nullable(),
      }),
    ),
    activity: history(
      z.object({
        id: idOf('act'),
        kind: z.string().max(60),
        group_id: idOf('grp').nullable(),
        occurred_at: Timestamp,
        payload: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('MemberExport')
