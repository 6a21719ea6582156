import { z } from '@hono/zod-openapi'

export const PostcodeParam = z.object({
  postcode: z
    .string()
    .regex(/^\d{5}$/, 'A French postcode has five digits.')
    .openapi({ description: 'A French postcode.', example: '75011', maxLength: 5 }),
})

export const PlaceSearchQuery = z.object({
  q: z
    .string({ error: 'Type the beginning of a commune name.' })
    .trim()
    .min(1, 'Type the beginning of a commune name.')
    .max(100)
    .openapi({ example: 'lyon' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(10)
    .openapi({ description: 'Communes to return, 1–20.', format: 'int32' }),
})

export const CommuneSchema = z
  .object({
    insee_code: z
      .string()
      .max(5)
      .regex(/^[0-9][0-9AB][0-9]{3}$/)
      .openapi({ example: '75111' }),
    name: z.string().max(100).openapi({ example: 'Paris 11e Arrondissement' }),
  })
  .openapi('Commune')

export const PlaceSchema = z
  .object({
    postcode: z
      .string()
      .max(5)
      .regex(/^\d{5}$/)
      .openapi({ example: '75011' }),
    communes: z.array(CommuneSchema).max(100),
    latitude: z.number().openapi({ example: 48.859 }),
    longitude: z.number().openapi({ example: 2.38 }),
    precision: z.enum(['commune', 'approximate']).openapi({
      description: '`commune`: the centre of the postcode’s communes; `approximate`: a nearby point.',
    }),
    department: z.string().max(3).openapi({ example: '75' }),
  })
  .openapi('Place')

export const PlaceListSchema = z.object({ data: z.array(PlaceSchema).max(20) }).openapi('PlaceList')
