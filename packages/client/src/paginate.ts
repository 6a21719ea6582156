import type { RequiredKeysOf } from 'openapi-typescript-helpers'
import { RelaisError } from './problem.js'
import type { RelaisClient } from './relais-client.js'
import type { paths } from './schema.js'

type PageOf<Path extends keyof paths> = paths[Path] extends {
  get: { responses: { 200: { content: { 'application/json': infer Page } } } }
}
  ? Page
  : undefined

/** The paths whose GET answers a page of the contract: `{ data: [...], next_cursor }`. */
export type ListPath = {
  [Path in keyof paths]-?: PageOf<Path> extends { data: unknown[]; next_cursor: string | null } ? Path : never
}[keyof paths]

/** The type of the items listed at `Path`. */
export type ListItem<Path extends ListPath> = PageOf<Path> extends { data: (infer Item)[] } ? Item : never

type Parameters<Path extends ListPath> = paths[Path] extends { get: { parameters: infer P } } ? P : never

/** The parameters of a list, without `cursor`, which `paginate` sets. */
export type ListParams<Path extends ListPath> = Omit<Parameters<Path>, 'query'> & {
  query?: Parameters<Path> extends { query?: infer Query } ? Omit<NonNullable<Query>, 'cursor'> : never
}

type ParamsArgument<Path extends ListPath> =
  RequiredKeysOf<ListParams<Path>> extends never ? [params?: ListParams<Path>] : [params: ListParams<Path>]

/**
 * Every item of a list, page after page, following `next_cursor`. A page that fails throws a
 * `RelaisError` holding the problem; stop early with `break`.
 *
 * @example
 * for await (const initiative of paginate(relais, '/v1/initiatives', { query: { group: 'grp_…' } })) {
 *   console.log(initiative.title)
 * }
 */
export function paginate<Path extends ListPath>(
  client: RelaisClient,
  path: Path,
  ...params: ParamsArgument<Path>
): AsyncGenerator<ListItem<Path>, void, undefined>
export async function* paginate(client: RelaisClient, path: ListPath, params: { query?: object } = {}) {
  let cursor: string | null = null
  do {
    const init = { params: { ...params, query: { ...params.query, cursor: cursor ?? undefined } } }
    const { data, error, response } = await (client.GET as LooseGet)(path, init)
    if (!data) throw new RelaisError(response, error)
    yield* data.data
    cursor = data.next_cursor
  } while (cursor)
}

type LooseGet = (
  path: string,
  init: object,
) => Promise<{ data?: { data: unknown[]; next_cursor: string | null }; error?: unknown; response: Response }>
