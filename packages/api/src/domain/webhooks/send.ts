import { type LookupAddress, lookup } from 'node:dns'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { isForbiddenAddress } from './forbidden-addresses.js'
import type { WebhookHeaders } from './signature.js'

export interface SendOptions {
  allowPrivate: boolean
  timeoutMs: number
}

/** What one attempt got: the receiver's status, or why there was none. */
export interface SendResult {
  statusCode: number | null
  error: string | null
  durationMs: number
}

const maxAnswerBytes = 64 * 1024

/**
 * POSTs a signed event. The host is resolved once, every address checked, and the connection made
 * to the checked address (a lookup that answers private addresses fails), so a DNS answer that
 * changes between check and connection cannot reach the internal network. Redirects are not
 * followed: a 3xx is a failed attempt.
 */
export function sendWebhook(url: string, body: string, headers: WebhookHeaders, options: SendOptions) {
  const started = Date.now()
  const done = (statusCode: number | null, error: string | null): SendResult => ({
    statusCode,
    error: error?.slice(0, 500) ?? null,
    durationMs: Date.now() - started,
  })
  return new Promise<SendResult>((resolve) => {
    const target = new URL(url)
    const host = target.hostname.replace(/^\[|\]$/g, '')
    if (!options.allowPrivate && isIP(host) && isForbiddenAddress(host)) {
      resolve(done(null, `refused: ${host} is not a public address`))
      return
    }
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      method: 'POST',
      agent: false,
      lookup: options.allowPrivate ? undefined : publicOnlyLookup,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'Relais-Webhooks/1',
      },
    })
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    )
    request.on('response', (response) => {
      let read = 0
      // The answer's body is not kept; it is read (up to a bound) so the exchange completes.
      response.on('data', (chunk: Buffer) => {
        read += chunk.length
        if (read > maxAnswerBytes) response.destroy()
      })
      response.on('close', () => {
        clearTimeout(timer)
        resolve(done(response.statusCode ?? null, null))
      })
    })
    request.on('error', (error) => {
      clearTimeout(timer)
      resolve(done(null, error.message))
    })
    request.end(body)
  })
}

/** A DNS lookup that fails when any address of the name is not public, and answers only checked ones. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
    if (error) return callback(error, '', 4)
    const forbidden = found.find((entry) => isForbiddenAddress(entry.address))
    if (forbidden || found.length === 0) {
      const refused = Object.assign(
        new Error(`refused: ${hostname} resolves to ${forbidden?.address ?? 'nothing'}, not a public address`),
        { code: 'ENOTPUBLIC' },
      )
      return callback(refused, '', 4)
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, found)
    const [first] = found as [LookupAddress]
    callback(null, first.address, first.family)
  })
}
