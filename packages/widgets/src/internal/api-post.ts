import {
  type ApiTarget,
  type Body,
  fill,
  type Operation,
  type Params,
  type PostPaths,
  type Success,
  send,
} from './api.js'

// Apart from `api.ts`, which every widget loads: only the forms post.

/** POST to an API path with a typed body and answer. */
export function apiPost<P extends PostPaths>(
  target: ApiTarget,
  path: P,
  params: Params<Operation<P, 'post'>>,
  body: Body<Operation<P, 'post'>>,
): Promise<Success<Operation<P, 'post'>>> {
  return send(target, 'POST', fill(path, params as never), body) as Promise<Success<Operation<P, 'post'>>>
}
