import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../db/types.js'
import { DomainError } from './errors.js'

export interface Page<T> {
  data: T[]
  next_cursor: string | null
}

export type CursorKey = (string | number)[]

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

/** Reads a cursor made by `encodeCursor`; anything else is the client's mistake, not ours. */
export function decodeCursor(cursor: string, arity: number): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((part) => typeof part === 'string' || (typeof part === 'number' && Number.isFinite(part)))
    ) {
      return key
    }
  } catch {}
  throw new DomainError('invalid', 'The cursor is not one this API gave out.', [
    { path: 'cursor', message: 'Pass the next_cursor of the previous page unchanged.' },
  ])
}

/**
 * Turns `limit + 1` rows fetched in a stable order into a page: the extra row only says that
 * another page exists, and the last returned row's key becomes the cursor.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorKey,
  present: (row: Row) => Item,
): Page<Item> {
  const more = rows.length > limit
  const shown = more ? rows.slice(0, limit) : rows
  const last = shown.at(-1)
  return { data: shown.map(present), next_cursor: more && last ? encodeCursor(keyOf(last)) : null }
}

/** The tables an organization lists in id order, which is creation order (ids start with their time). */
type IdOrderedTable = 'api_keys' | 'webhook_endpoints'

/** A page of one organization's rows of `table`, oldest first. */
export async function pageById<T extends IdOrderedTable>(
  db: Kysely<Database>,
  table: T,
  organizationId: string,
  { limit, cursor }: { limit: number; cursor?: string | undefined },
): Promise<Page<Selectable<Database[T]>>> {
  const after = cursor ? String(decodeCursor(cursor, 1)[0]) : undefined
  // Both tables have these columns; Kysely cannot see it through the union, hence one table's name.
  const rows = await db
    .selectFrom(table as IdOrderedTable as 'api_keys')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .$if(after !== undefined, (qb) => qb.where('id', '>', after ?? ''))
    .orderBy('id')
    .limit(limit + 1)
    .execute()
  return toPage(
    rows as unknown as Selectable<Database[T]>[],
    limit,
    (row) => [(row as { id: string }).id],
    (row) => row,
  )
}
