import type { Client, FetchResponse, MaybeOptionalInit } from 'openapi-fetch'
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers'
import type { paths } from './schema.js'
import type { CallOptions } from './transport.js'

// openapi-fetch's own InitParam, with the Relais call options typed in place of its open index signature.
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & CallOptions)?] : [Init & CallOptions]

type Operation<Path extends keyof paths, Method extends HttpMethod> = Extract<
  paths[Path][Method],
  Record<string | number, unknown>
>

/** One HTTP method of the client: the path picks the parameters, the body and the answer types. */
export type RelaisMethod<Method extends HttpMethod> = <
  Path extends PathsWithMethod<paths, Method>,
  Init extends MaybeOptionalInit<paths[Path], Method>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<FetchResponse<Operation<Path, Method>, Init, MediaType>>

/** The Relais API client: an openapi-fetch client typed by the contract, with retries and idempotency keys. */
export interface RelaisClient
  extends Omit<Client<paths>, 'request' | 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE'> {
  GET: RelaisMethod<'get'>
  POST: RelaisMethod<'post'>
  PUT: RelaisMethod<'put'>
  PATCH: RelaisMethod<'patch'>
  DELETE: RelaisMethod<'delete'>
  HEAD: RelaisMethod<'head'>
  OPTIONS: RelaisMethod<'options'>
  TRACE: RelaisMethod<'trace'>
}
