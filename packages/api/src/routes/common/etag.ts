import { ifNoneMatchHolds } from '../../middleware/public-cache/index.js'

/** A versioned resource's ETag is its version, which every change increments. */
export function etagOf(version: number): string {
  return `"${version}"`
}

/**
 * The versions an `If-Match` header accepts: undefined when any will do (absent, or `*`). Weak or
 * malformed tags match nothing (RFC 9110 compares strongly), so the update is refused.
 */
export function ifMatchVersions(header: string | undefined): number[] | undefined {
  if (header === undefined || header.trim() === '*') return undefined
  return header
    .split(',')
    .map((tag) => /^"(\d{1,9})"$/.exec(tag.trim())?.[1])
    .filter((version) => version !== undefined)
    .map(Number)
}

/** Whether an `If-None-Match` header already holds the current version (weak comparison, as RFC 9110 says). */
export function stillFresh(header: string | undefined, version: number): boolean {
  return ifNoneMatchHolds(header, etagOf(version))
}
