/**
 * Where a row stands in the activity stream: the id of the transaction that wrote it, then its
 * sequence number. Positions only grow for rows the stream may deliver (see the 0003 migration).
 */
export interface StreamPosition {
  tx: bigint
  seq: bigint
}

/** Before every row. */
export const streamStart: StreamPosition = { tx: 0n, seq: 0n }

const maxTx = 2n ** 64n - 1n
const maxSeq = 2n ** 63n - 1n

/** The SSE event id: opaque to clients, `<tx>-<seq>` to us. */
export function encodePosition(position: StreamPosition): string {
  return `${position.tx}-${position.seq}`
}

/** Reads an id given by `encodePosition`; anything else answers undefined. */
export function decodePosition(id: string): StreamPosition | undefined {
  const match = /^(\d{1,20})-(\d{1,19})$/.exec(id)
  if (!match) return undefined
  const position = { tx: BigInt(match[1] ?? ''), seq: BigInt(match[2] ?? '') }
  return position.tx <= maxTx && position.seq <= maxSeq ? position : undefined
}

export function comparePositions(a: StreamPosition, b: StreamPosition): number {
  if (a.tx !== b.tx) return a.tx < b.tx ? -1 : 1
  return a.seq === b.seq ? 0 : a.seq < b.seq ? -1 : 1
}
