import { type components, isProblem, type RelaisClient, RelaisError } from '@relais/client'
import type { MemberRow } from './read-members.js'

export type Outcome =
  | { line: number; email: string; result: 'created'; member_id: string }
  | {
      line: number
      email: string
      result: 'skipped'
      why: 'already in Relais' | 'invalid' | 'twice in the file'
      detail: string
    }

type MemberCreate = components['schemas']['MemberCreate']

function memberOf(row: MemberRow): MemberCreate {
  return {
    email: row.email,
    given_name: row.given_name,
    family_name: row.family_name,
    postcode: row.postcode || null,
    phone: row.phone || null,
    tags: row.tags,
    language: 'fr',
  }
}

/**
 * Adds one person. Re-running is safe because the API refuses an address it already knows (409 on
 * `email`): that row is reported as already there, not created twice. A key the API refuses
 * (401, 403) stops the whole import by throwing.
 */
export async function importRow(relais: RelaisClient, row: MemberRow): Promise<Outcome> {
  const { line, email } = row
  const { data, error, response } = await relais.POST('/v1/members', { body: memberOf(row) })
  if (data) return { line, email, result: 'created', member_id: data.id }
  if (!isProblem(error) || error.status === 401 || error.status === 403) throw new RelaisError(response, error)
  const detail = error.errors?.length ? error.errors.map((e) => `${e.path}: ${e.message}`).join(' ') : error.detail
  if (error.status === 409 && error.errors?.some((e) => e.path === 'email')) {
    return { line, email, result: 'skipped', why: 'already in Relais', detail: error.detail }
  }
  if (error.status === 400) return { line, email, result: 'skipped', why: 'invalid', detail }
  throw new RelaisError(response, error)
}

/** Imports every row, a few at a time, skipping an address seen earlier in the same file. */
export async function importRows(
  relais: RelaisClient,
  rows: MemberRow[],
  { concurrency = 4, onOutcome }: { concurrency?: number; onOutcome?: (outcome: Outcome) => void } = {},
): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  const firstLine = new Map<string, number>()
  let next = 0
  async function worker() {
    for (let row = rows[next++]; row; row = rows[next++]) {
      const address = row.email.toLowerCase()
      const first = firstLine.get(address)
      if (address && first === undefined) firstLine.set(address, row.line)
      const outcome: Outcome =
        address && first !== undefined
          ? {
              line: row.line,
              email: row.email,
              result: 'skipped',
              why: 'twice in the file',
              detail: `as line ${first}`,
            }
          : await importRow(relais, row)
      outcomes.push(outcome)
      onOutcome?.(outcome)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return outcomes.sort((a, b) => a.line - b.line)
}
