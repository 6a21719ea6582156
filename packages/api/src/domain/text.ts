/** Lower case without accents, for search columns compared with LIKE on both databases. */
export function foldText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter(Boolean)
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Escapes LIKE wildcards so a visitor's `%` or `_` matches itself. */
export function likeContains(query: string): string {
  return `%${foldText(query).replace(/[\\%_]/g, (m) => `\\${m}`)}%`
}
