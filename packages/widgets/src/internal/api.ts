import type { components, paths } from '@relais/client/schema'

export type Schemas = components['schemas']
export type Problem = Schemas['Problem']

type GetPaths = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths]
type PostPaths = { [P in keyof paths]: paths[P] extends { post: object } ? P : never }[keyof paths]
type Operation<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends infer O ? O : never
type Params<O> = O extends { parameters: infer Q } ? Q : never
type Success<O> = O extends { responses: infer R }
  ? {
      [S in keyof R]: S extends 200 | 201 | 202
        ? R[S] extends { content: { 'application/json': infer B } }
          ? B
          : never
        : never
    }[keyof R]
  : never
type Body<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never

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

function fill(path: string, params: { path?: Record<string, unknown>; query?: Record<string, unknown> } = {}) {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params.path?.[name] ?? '')))
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value))
  }
  const search = query.toString()
  return search ? `${filled}?${search}` : filled
}

async function send(target: ApiTarget, method: string, url: string, body?: unknown, signal?: AbortSignal) {
  let response: Response
  try {
    response = await fetch(new URL(url, target.api), {
      method,
      signal,
      headers: {
        authorization: `Bearer ${target.key}`,
        'accept-language': target.lang,
        'relais-widget': target.widget,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
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

/** POST to an API path with a typed body and answer. */
export function apiPost<P extends PostPaths>(
  target: ApiTarget,
  path: P,
  params: Params<Operation<P, 'post'>>,
  body: Body<Operation<P, 'post'>>,
): Promise<Success<Operation<P, 'post'>>> {
  return send(target, 'POST', fill(path, params as never), body) as Promise<Success<Operation<P, 'post'>>>
}
