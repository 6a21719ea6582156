// Control characters (Unicode Cc), matched by property so that no raw control character sits in a pattern.
const controls = /\p{Cc}/gu
const lineBreaks = new Set(['\t', '\n', '\r'])

/** Whether text holds control characters; `multiline` allows tabs and line breaks. */
export function hasControlCharacters(text: string, { multiline = false } = {}): boolean {
  for (const [character] of text.matchAll(controls)) {
    if (!multiline || !lineBreaks.has(character)) return true
  }
  return false
}

/** Text without control characters other than tabs and line breaks. */
export function withoutControlCharacters(text: string): string {
  return text.replace(controls, (character) => (lineBreaks.has(character) ? character : ''))
}
