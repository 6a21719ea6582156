import type { Outcome } from './import-rows.js'

/** What a person running the import needs to read: the counts, then each row that needs their attention. */
export function summary(outcomes: Outcome[]): string {
  const created = outcomes.filter((outcome) => outcome.result === 'created').length
  const skipped = outcomes.filter((outcome) => outcome.result === 'skipped')
  const count = (why: string) => skipped.filter((outcome) => outcome.why === why).length
  const rows = [
    ['created', created],
    ['skipped: already in Relais', count('already in Relais')],
    ['skipped: invalid', count('invalid')],
    ['skipped: twice in the file', count('twice in the file')],
    ['rows read', outcomes.length],
  ] as const
  const lines = rows.map(([label, n]) => `  ${label.padEnd(28)}${String(n).padStart(6)}`)
  const toFix = skipped.filter((outcome) => outcome.why !== 'already in Relais')
  if (toFix.length) {
    lines.push('', 'Rows to fix in the file (then run again: rows already imported are skipped):')
    for (const outcome of toFix) {
      lines.push(
        `  line ${String(outcome.line).padStart(4)}  ${outcome.email || '(no e-mail)'}  ${outcome.why}: ${outcome.detail}`,
      )
    }
  }
  return lines.join('\n')
}
