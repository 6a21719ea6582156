import { isIPv4, isIPv6 } from 'node:net'

type Range = [prefix: number[], bits: number]

// Where a webhook must never go: this host, its private networks, the cloud metadata service
// (169.254.169.254), shared carrier NAT, multicast, and what is reserved or documentation-only.
const ipv4Ranges: Range[] = [
  [[0, 0, 0, 0], 8], // "this network", including the unspecified 0.0.0.0
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16], // link-local, cloud metadata
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24],
  [[192, 0, 2, 0], 24],
  [[192, 88, 99, 0], 24],
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15],
  [[198, 51, 100, 0], 24],
  [[203, 0, 113, 0], 24],
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, broadcast
]

const ipv6Ranges: Range[] = [
  [[], 96], // ::/96: unspecified, loopback (::1), IPv4-compatible
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64], // discard-only
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48], // local-use NAT64
  [[0x20, 0x01, 0x00, 0x00], 32], // Teredo
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0xfc], 7], // unique local
  [[0xfe, 0x80], 10], // link-local
  [[0xfe, 0xc0], 10], // old site-local
  [[0xff], 8], // multicast
]

// IPv6 forms that carry an IPv4 address, which then decides: mapped (::ffff:a.b.c.d), NAT64, 6to4.
const embeddingIPv4: { range: Range; at: number }[] = [
  { range: [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96], at: 12 },
  { range: [[0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96], at: 12 },
  { range: [[0x20, 0x02], 16], at: 2 },
]

/**
 * Whether an IP address (v4 or v6 text, as DNS answers or a URL holds) is one a webhook may not
 * reach. Anything that is not an IP address is refused as well.
 */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (isIPv4(bare)) return inAny(ipv4Bytes(bare), ipv4Ranges)
  if (!isIPv6(bare)) return true
  const bytes = ipv6Bytes(bare)
  for (const { range, at } of embeddingIPv4) {
    if (inRange(bytes, range)) return inAny(bytes.slice(at, at + 4), ipv4Ranges)
  }
  return inAny(bytes, ipv6Ranges)
}

function inAny(bytes: number[], ranges: Range[]): boolean {
  return ranges.some((range) => inRange(bytes, range))
}

function inRange(bytes: number[], [prefix, bits]: Range): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff
    if (((bytes[bit / 8] ?? 0) & mask) !== ((prefix[bit / 8] ?? 0) & mask)) return false
  }
  return true
}

function ipv4Bytes(address: string): number[] {
  return address.split('.').map(Number)
}

/** The 16 bytes of a valid IPv6 address, `::` and a trailing dotted quad included. */
function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase()
  const quad = text.match(/(\d+\.\d+\.\d+\.\d+)$/)?.[1]
  if (quad) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Bytes(quad)
    text = `${text.slice(0, -quad.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const words = (part: string) => (part ? part.split(':').map((word) => Number.parseInt(word, 16)) : [])
  const first = words(head)
  const last = tail === undefined ? [] : words(tail)
  const all = [...first, ...Array(8 - first.length - last.length).fill(0), ...last]
  return all.flatMap((word) => [word >> 8, word & 0xff])
}
