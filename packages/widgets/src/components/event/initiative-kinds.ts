import type { Schemas } from '../../internal/api.js'

// Apart from `initiative.ts` (Lit templates): the loader reads a list's `kind` attribute with it.

export type InitiativeKind = Schemas['Initiative']['kind']

/** The kinds in the order the filters offer them. */
export const initiativeKinds = [
  'meeting',
  'canvassing',
  'leafleting',
  'phone_bank',
  'rally',
  'online',
  'other',
] as const satisfies readonly InitiativeKind[]

// A kind the API adds and this list lacks fails the typecheck here (`satisfies` catches the reverse).
type Listed<Missing extends never> = Missing
export type AllKindsListed = Listed<Exclude<InitiativeKind, (typeof initiativeKinds)[number]>>
