import { type Expression, type SqlBool, sql } from 'kysely'
import { foldText, likeContains } from '../text.js'
import { normalizeEmail } from './email.js'

// Members have no search column (public forms write them), so the folding of `foldText` is
// redone in SQL: accented letters become plain through `translate`, and `lower` only has ASCII
// left to handle, which it does the same under every collation, PGlite's C locale included.
const accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿŒÆ’'"
const plain = [...accented].map((letter) => foldText(letter) || ' ').join('')

const folded = (text: Expression<unknown>) => sql<string>`lower(translate(${text}, ${accented}, ${plain}))`

const person = sql<string>`concat_ws(' ', members.given_name, members.family_name, members.email)`

/**
 * `q` as a condition on members: an address matches exactly (the unique, indexed form); words
 * must each appear in the name or the address, whatever their accents, case or order.
 */
export function matchesQuery(q: string): Expression<SqlBool> {
  if (q.includes('@')) return sql<SqlBool>`members.email_normalized = ${normalizeEmail(q)}`
  const words = foldText(q).split(' ').filter(Boolean)
  if (words.length === 0) return sql<SqlBool>`true`
  return sql<SqlBool>`${sql.join(
    words.map((word) => sql`${folded(person)} like ${likeContains(word)}`),
    sql` and `,
  )}`
}
