import { z } from '@hono/zod-openapi'
import { hasControlCharacters } from '../../domain/initiatives/plain-text.js'
import { canonicalTimeZone } from '../../domain/initiatives/schedule.js'
import {
  Count,
  DateTimeInput,
  HttpUrl,
  idOf,
  idParam,
  ListQuery,
  Postcode,
  pageOf,
  Timestamp,
  UrlOut,
} from '../common/schemas.js'

export const initiativeKinds = [
  'meeting',
  'canvassing',
  'leafleting',
  'phone_bank',
  'rally',
  'online',
  'other',
] as const
export const initiativeStatuses = ['draft', 'pending_review', 'published', 'cancelled'] as const

export const InitiativeIdParam = z.object({ initiative_id: idParam('ini', 'The initiative.') })
export const GroupIdParam = z.object({ group_id: idParam('grp', 'The group.') })

export const InitiativeLocationSchema = z
  .object({
    name: z.string().max(200).nullable().openapi({ example: 'Salle Olympe de Gouges' }),
    address: z
      .string()
      .max(300)
      .nullable()
      .openapi({ example: '15 rue Merlin', description: 'Null for the public when `hide_address` is set.' }),
    postcode: Postcode.nullable().openapi({ example: '75011' }),
    commune: z.string().max(100).nullable().openapi({ example: 'Paris 11e Arrondissement' }),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    hide_address: z.boolean().openapi({
      description: 'The exact address is given to participants only; the coordinates are then about 1 km off.',
    }),
  })
  .openapi('InitiativeLocation', { description: 'Where it happens. The coordinates are the public ones.' })

export const InitiativeSchema = z
  .object({
    id: idOf('ini'),
    group: z.object({ id: idOf('grp'), name: z.string().max(200) }).openapi({ description: 'The organizing group.' }),
    kind: z.enum(initiativeKinds),
    title: z.string().max(200).openapi({ example: 'Porte-à-porte quartier Belleville' }),
    summary: z.string().max(500),
    description: z.string().max(10_000).openapi({ description: 'Plain text; links are written out.' }),
    starts_at: Timestamp,
    ends_at: Timestamp,
    timezone: z
      .string()
      .max(64)
      .openapi({ example: 'Europe/Paris', description: 'Where the times are meant to be read.' }),
    location: InitiativeLocationSchema.nullable(),
    online_url: UrlOut.nullable(),
    capacity: Count.nullable().openapi({ description: 'Null: no limit.' }),
    spots_left: Count.nullable().openapi({ description: 'Null when there is no limit.' }),
    rsvp_count: Count.openapi({ description: 'People going (or marked as attended).' }),
    waitlist_count: Count,
    waitlist_enabled: z.boolean(),
    status: z.enum(initiativeStatuses),
    // Stored in lower case, which lengthens a few letters (İ): twice the input bound.
    tags: z
      .array(z.string().max(80))
      .max(20)
      .openapi({ example: ['logement'] }),
    calendar_url: UrlOut.openapi({ description: 'The iCalendar file of this initiative.' }),
    distance_km: z
      .number()
      .optional()
      .openapi({ description: 'With `near`: distance from the postcode to the public coordinates.' }),
    published_at: Timestamp.nullable(),
    cancelled_at: Timestamp.nullable(),
    updated_at: Timestamp,
  })
  .openapi('Initiative')

export const InitiativePageSchema = pageOf(InitiativeSchema, 'InitiativePage')

/** A query parameter given several times or as a comma-separated list: `kind=rally&kind=meeting`, `kind=rally,meeting`. */
function listOf<T extends z.ZodType>(item: T, description: string) {
  return z
    .preprocess(
      (value) =>
        (Array.isArray(value) ? value : [value])
          .flatMap((part) => (typeof part === 'string' ? part.split(',') : [part]))
          .map((part) => (typeof part === 'string' ? part.trim() : part)),
      z.array(item).min(1).max(20),
    )
    .openapi({ description, param: { style: 'form', explode: true } })
}

const flag = (defaultValue: boolean, description: string) =>
  z
    .enum(['true', 'false'])
    .default(defaultValue ? 'true' : 'false')
    .transform((value) => value === 'true')
    .openapi({ type: 'boolean', default: defaultValue, description })

const Rfc3339 = DateTimeInput

const tagShape = /^[\p{L}\p{N}][\p{L}\p{N} _'’-]*$/u
export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((tag) => tagShape.test(tag), 'A tag is letters, digits, spaces, dashes or apostrophes.')
  .openapi({
    example: 'logement',
    description: 'Letters, digits, spaces, dashes or apostrophes; 40 characters at most.',
  })

export const InitiativeListQuery = ListQuery.extend({
  group: idParam(
    'grp',
    'Initiatives of this group and, unless `include_subgroups=false`, of its subgroups.',
  ).optional(),
  include_subgroups: flag(true, 'With `group`: also the initiatives of its subgroups.'),
  kind: listOf(
    z.enum(initiativeKinds),
    'One kind or several (repeat the parameter, or separate with commas).',
  ).optional(),
  tag: Tag.optional(),
  from: Rfc3339.optional().openapi({
    description: 'Initiatives not over at this time (ending then or later). Default: now, i.e. upcoming and under way.',
    example: '2026-12-01T00:00:00Z',
  }),
  to: Rfc3339.optional().openapi({ description: 'Initiatives starting at this time or before.' }),
  near: Postcode.optional().openapi({
    description: 'A French postcode: initiatives with a place within `radius_km` (online ones are left out).',
  }),
  radius_km: z.coerce.number().min(1).max(200).default(20).openapi({ description: 'With `near`, in km.' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((text) => !hasControlCharacters(text), 'Search for words, without control characters.')
    .optional()
    .openapi({
      description: 'Words in the title, summary, place or tags, without minding accents or case.',
    }),
  status: listOf(
    z.enum(initiativeStatuses),
    'Secret keys with `initiatives:read` or `initiatives:write` only. Default: `published`.',
  ).optional(),
}).refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
  message: 'The end of the period comes before its start.',
  path: ['to'],
})

const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => !hasControlCharacters(text), 'Write this on one line, without control characters.')
const multiLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !hasControlCharacters(text, { multiline: true }), 'Remove the control characters.')

// Both coordinates or neither: half a point places the initiative nowhere.
const coordinatesTogether = (value: { latitude?: number | null; longitude?: number | null }) =>
  ((value.latitude ?? null) === null) === ((value.longitude ?? null) === null)

export const InitiativeLocationInput = z
  .strictObject({
    name: singleLine(200).nullable().optional().openapi({ example: 'Salle Olympe de Gouges' }),
    address: singleLine(300).nullable().optional().openapi({ example: '15 rue Merlin' }),
    postcode: Postcode.nullable()
      .optional()
      .openapi({ description: 'Locates the initiative when no coordinates are given.' }),
    commune: singleLine(100)
      .nullable()
      .optional()
      .openapi({ description: 'Default: the commune of the postcode, if only one.' }),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    hide_address: z.boolean().optional().openapi({
      description: 'Give the exact address to participants only: the public sees coordinates about 1 km off.',
    }),
  })
  .refine(coordinatesTogether, { message: 'Give latitude and longitude together.', path: ['longitude'] })
  .openapi('InitiativeLocationInput')

const TimeZone = z
  .string()
  .max(64)
  .refine((name) => canonicalTimeZone(name) !== undefined, 'Use an IANA time zone, such as Europe/Paris.')
  .openapi({ example: 'Europe/Paris' })

// An online link is normalized by the URL parser, so that nothing hidden travels on (line breaks, tabs).
const OnlineUrl = HttpUrl.transform((url) => new URL(url).href)

const initiativeFields = {
  group_id: idParam('grp', 'The organizing group.'),
  kind: z.enum(initiativeKinds),
  title: singleLine(200).min(1).openapi({ example: 'Porte-à-porte quartier Belleville' }),
  summary: singleLine(500).optional(),
  description: multiLine(10_000).optional().openapi({ description: 'Plain text, links written out.' }),
  starts_at: Rfc3339.openapi({ example: '2026-12-05T09:30:00+01:00' }),
  ends_at: Rfc3339.openapi({ example: '2026-12-05T12:30:00+01:00', description: 'After the start, within 7 days.' }),
  timezone: TimeZone.optional().openapi({ description: 'Default Europe/Paris.' }),
  location: InitiativeLocationInput.nullable().optional(),
  online_url: OnlineUrl.nullable().optional().openapi({ description: 'Required for `online` initiatives.' }),
  capacity: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .nullable()
    .optional()
    .openapi({ description: 'Null or absent: no limit.', format: 'int32' }),
  waitlist_enabled: z.boolean().optional().openapi({ description: 'Default true: past the capacity, people queue.' }),
  tags: z.array(Tag).max(20).optional().openapi({ description: 'Stored in lower case.' }),
}

export const InitiativeCreateSchema = z
  .strictObject({
    ...initiativeFields,
    publish: z.boolean().optional().openapi({ description: 'Publish at once; default: a draft.' }),
  })
  .openapi('InitiativeCreate')

export const InitiativeUpdateSchema = z
  .strictObject({
    group_id: initiativeFields.group_id.optional(),
    kind: initiativeFields.kind.optional(),
    title: initiativeFields.title.optional(),
    summary: initiativeFields.summary,
    description: initiativeFields.description,
    starts_at: initiativeFields.starts_at.optional(),
    ends_at: initiativeFields.ends_at.optional(),
    timezone: initiativeFields.timezone,
    location: initiativeFields.location.openapi({ description: 'Replaces the whole location; null removes it.' }),
    online_url: initiativeFields.online_url,
    capacity: initiativeFields.capacity,
    waitlist_enabled: initiativeFields.waitlist_enabled,
    tags: initiativeFields.tags,
  })
  .openapi('InitiativeUpdate', { description: 'Only the fields given change.' })

export const IfMatchHeader = z.object({
  'if-match': z.string().max(1000).optional().openapi({
    description:
      'The ETag you last read: the change fails with 412 if the initiative was edited since. RSVPs arriving meanwhile do not count.',
  }),
})

export const CalendarQuery = z.object({
  key: z.string().max(200).optional().openapi({
    description:
      'A publishable key (`pk_…`), for calendar apps that cannot send an Authorization header. Secret keys are refused here.',
  }),
})
