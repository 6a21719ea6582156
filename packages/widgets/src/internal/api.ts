import type { components, paths } from '@relais/client/schema'
import { type Answer, relaisNamespace } from './namespace.js'

export type Schemas = components['schemas']
export type Problem = Schemas['Problem']

export type GetPaths = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths]
export type PostPaths = { [P in keyof paths]: paths[P] extends { post: object } ? P : never }[keyof paths]
export type Operation<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends infer O ? O : never
export type Params<O> = O extends { parameters: infer Q } ? Q : never
export type Success<O> = O extends { responses: infer R }
  ? {
      [S in keyof R]: S extends 200 | 201 | 202
        ? R[S] extends { content: { 'application/json': infer B } }
          ? B
          : never
        : never
    }[keyof R]
  : never
export type Body<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never

/** A refusal of the API (problem+json) or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? `HTTP ${status}`)
    this.name = 'ApiError'
  }
}

export interface ApiTarget {
  api: string
  key: string
  lang: string
  widget: string
}

export function fill(path: string, params: { path?: Record<string, unknown>; query?: Record<string, unknown> } = {}) {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params.path?.[name] ?? '')))
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value))
  }
  const search = query.toString()
  return search ? `${filled}?${search}` : filled
}

/** What a request carries, whoever sends it: a widget, or the loader ahead of it (`ahead.ts`). */
export function request(target: ApiTarget, method: string, url: string, body?: unknown): [URL, RequestInit] {
  const init = {
    method,
    headers: {
      authorization: `Bearer ${target.key}`,
      'accept-language': target.lang,
      'relais-widget': target.widget,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }
  return [new URL(url, target.api), init]
}

/** Sends a widget's request, or takes the answer the loader already has for it; a failure is an `ApiError`. */
export async function send(target: ApiTarget, method: string, url: string, body?: unknown, signal?: AbortSignal) {
  const [endpoint, init] = request(target, method, url, body)
  let response: Answer
  try {
    response = await (relaisNamespace().ahead?.(endpoint, init) ?? fetch(endpoint, { ...init, signal }))
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(0, null)
  }
  const type = response.headers.get('content-type') ?? ''
  const payload: unknown = type.includes('json') ? await response.json().catch(() => null) : null
  if (!response.ok) throw new ApiError(response.status, (payload as Problem | null) ?? null)
  return payload
}

/** GET an API path with typed parameters and answer, straight from the contract. */
export function apiGet<P extends GetPaths>(
  target: ApiTarget,
  path: P,
  params: Params<Operation<P, 'get'>>,
  signal?: AbortSignal,
): Promise<Success<Operation<P, 'get'>>> {
  return send(target, 'GET', fill(path, params as never), undefined, signal) as Promise<Success<Operation<P, 'get'>>>
}
