import createFetchClient from 'openapi-fetch'
import type { RelaisClient } from './relais-client.js'
import type { RetryOptions } from './retry.js'
import type { paths } from './schema.js'
import { type CallOptions, type Fetch, transport } from './transport.js'
import { version } from './version.js'

export interface ClientOptions {
  /** The server's address, such as `https://relais.example.org`: the paths already start with `/v1`. */
  baseUrl: string
  /** An API key: publishable (`pk_…`) in browsers, secret (`sk_…`) on servers only. */
  key?: string | undefined
  /** Another `fetch` (tests, edge runtimes, a proxy agent). Default: the global one. */
  fetch?: Fetch
  /** Headers sent with every request. */
  headers?: Record<string, string>
  /** How 429, 503 and network errors are retried; `false` never retries. A call's `retry` overrides it. */
  retry?: RetryOptions | false
}

const methods = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const
type LooseMethod = (url: string, init: object) => Promise<unknown>

function checkedBaseUrl(baseUrl: unknown): string {
  let url: URL
  try {
    url = new URL(String(baseUrl))
  } catch {
    throw new TypeError(
      `createClient: baseUrl must be the full address of a Relais server, such as https://relais.example.org; got ${baseUrl}.`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`createClient: baseUrl must start with https:// (or http:// in development); got ${baseUrl}.`)
  }
  if (url.search || url.hash) throw new TypeError(`createClient: baseUrl takes no ?query or #fragment; got ${baseUrl}.`)
  if (/\/v1\/?$/.test(url.pathname)) {
    throw new TypeError(
      `createClient: leave /v1 out of baseUrl (the paths start with it): use ${url.href.replace(/\/v1\/?$/, '')}.`,
    )
  }
  return url.href.replace(/\/$/, '')
}

function authorization(key: string | undefined): Record<string, string> {
  if (key === undefined) return {}
  if (!/^[ps]k_\w+$/.test(key)) {
    throw new TypeError('createClient: key must be a Relais API key, starting with pk_ or sk_ (without "Bearer").')
  }
  return { authorization: `Bearer ${key}` }
}

// Browsers refuse to let scripts set User-Agent, and a custom header would need the server's CORS
// consent, so only server runtimes say who is calling.
function clientHeaders(): Record<string, string> {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node
  return node ? { 'user-agent': `relais-client/${version} node/${node}`, 'relais-client': version } : {}
}

/**
 * Creates a client of the Relais API, typed by its OpenAPI contract.
 *
 * @example
 * const relais = createClient({ baseUrl: 'https://relais.example.org', key: process.env.RELAIS_KEY })
 * const { data, error } = await relais.GET('/v1/initiatives', { params: { query: { near: '69003' } } })
 */
export function createClient({
  baseUrl,
  key,
  fetch = (request) => globalThis.fetch(request),
  headers,
  retry,
}: ClientOptions): RelaisClient {
  const client = createFetchClient<paths>({
    baseUrl: checkedBaseUrl(baseUrl),
    headers: { ...clientHeaders(), ...authorization(key), ...headers },
  })
  const call =
    (method: (typeof methods)[number]) =>
    (url: string, init: CallOptions & { fetch?: Fetch } = {}) => {
      const { retry: callRetry = retry, idempotencyKey, fetch: callFetch = fetch, ...rest } = init
      return (client[method] as LooseMethod)(url, { ...rest, fetch: transport(callFetch, callRetry, idempotencyKey) })
    }
  // openapi-fetch's untyped `request(method, …)` is left out: every call goes through the transport.
  const calls = Object.fromEntries(methods.map((method) => [method, call(method)]))
  return { use: client.use, eject: client.eject, ...calls } as RelaisClient
}
