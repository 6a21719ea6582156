import { type InitiativeKind, initiativeKinds } from '../event/initiative-kinds.js'

// The one place that turns a list's attributes (or the visitor's filters) into the API's query:
// the list uses it for each page, the loader for the first page before the list's code arrives.

/** What decides which initiatives a list shows: its attributes (as properties), its group apart. */
export interface ListSettings {
  includeSubgroups: boolean
  kind: string
  tag: string
  near: string
  radiusKm: number
  limit: number
}

/** What the visitor chose in the list's filters, over its attributes. */
export interface ListChoice {
  kind: string
  near: string
}

/** The defaults of the attributes `radius-km` and `limit` (the `@default` of their properties says them too). */
export const listDefaults = { radiusKm: 20, limit: 5 }

/** The known kinds of a comma-separated `kind`. */
export const kindsIn = (list: string) =>
  list
    .split(',')
    .map((kind) => kind.trim())
    .filter((kind): kind is InitiativeKind => initiativeKinds.includes(kind as InitiativeKind))

/** Initiatives per page: `limit` kept between 1 and 100 (the API's bounds). */
export const pageSize = (limit: number) => Math.min(100, Math.max(1, Math.trunc(limit) || listDefaults.limit))

/** The query of `GET /v1/initiatives` for a page of the list; `group` is the list's or its setting's. */
export function listQuery(list: ListSettings, group: string, chosen?: ListChoice, cursor?: string) {
  const near = chosen?.near || list.near
  const kinds = kindsIn(chosen?.kind || list.kind)
  return {
    group: group || undefined,
    include_subgroups: group && !list.includeSubgroups ? false : undefined,
    kind: kinds.length > 0 ? kinds : undefined,
    tag: list.tag || undefined,
    near: near || undefined,
    radius_km: near ? list.radiusKm : undefined,
    limit: pageSize(list.limit),
    cursor,
  }
}
