import { BlockList, isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/**
 * Which proxies in front of the server to believe about the client's address (`TRUST_PROXY`): a
 * number of hops, or the addresses and CIDR ranges of the proxies.
 */
export type TrustProxy = { hops: number } | { proxies: string[] }

/** What a request without a socket (an in-process `app.request`) is counted as. */
export const unknownAddress = 'unknown'

/**
 * The address to count a client's requests under. It is the socket's peer, which a client cannot
 * choose; `X-Forwarded-For` is read only with `trust`, and then only up to the right-most address
 * no trusted proxy vouches for: entries a client wrote itself are further left and never reached.
 * IPv6 clients are counted per /64, the block one subscriber gets.
 */
export function clientAddress(c: Context, trust?: TrustProxy): string {
  const chain = [...forwardedFor(c, trust), socketAddress(c)]
  let index = chain.length - 1
  if (trust && 'hops' in trust) {
    index = Math.max(0, index - trust.hops)
  } else if (trust) {
    const proxies = trustedRanges(trust.proxies)
    while (index > 0 && isTrusted(proxies, chain[index] ?? '')) index--
  }
  return countedAs(chain[index] ?? unknownAddress)
}

function forwardedFor(c: Context, trust: TrustProxy | undefined): string[] {
  if (!trust) return []
  const header = c.req.header('x-forwarded-for') ?? ''
  return header
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
}

// Node's server puts the socket in the env; `app.request` in tests has none unless a test passes one.
function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: unknown } } | undefined
  if (!env?.incoming?.socket) return unknownAddress
  return unmapped(getConnInfo(c).remote.address ?? unknownAddress)
}

const unmapped = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')

const ranges = new WeakMap<string[], BlockList>()

function trustedRanges(proxies: string[]): BlockList {
  let list = ranges.get(proxies)
  if (!list) {
    list = new BlockList()
    for (const proxy of proxies) {
      const [address = '', prefix] = proxy.split('/')
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4'
      if (prefix === undefined) list.addAddress(address, family)
      else list.addSubnet(address, Number(prefix), family)
    }
    ranges.set(proxies, list)
  }
  return list
}

function isTrusted(proxies: BlockList, address: string): boolean {
  const plain = unmapped(address)
  const family = isIP(plain)
  return family !== 0 && proxies.check(plain, family === 6 ? 'ipv6' : 'ipv4')
}

function countedAs(address: string): string {
  const plain = unmapped(address)
  if (isIP(plain) === 6) return `${expandIpv6(plain).slice(0, 4).join(':')}::/64`
  // A proxy that forwards garbage should not grow the counter table with it.
  return isIP(plain) === 4 ? plain : plain.slice(0, 64)
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? []
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0')
  return [...left, ...middle, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
}
