import { once } from 'node:events'
import cliProgress from 'cli-progress'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

/** A value of one COPY text-format field: null, text, number, boolean, Date, text[] or JSON object. */
export type CopyValue = string | number | boolean | Date | null | readonly string[] | { json: unknown }

export interface CopyReport {
  table: string
  rows: number
  seconds: number
}

// COPY's text format: backslash, tab, newline and carriage return are escaped; \N is null.
function field(value: CopyValue): string {
  if (value === null) return '\\N'
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'string') return escapeText(value)
  if (Array.isArray(value))
    return escapeText(`{${value.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`)
  return escapeText(JSON.stringify((value as { json: unknown }).json))
}

function escapeText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
}

/**
 * Streams rows into `table` with COPY FROM STDIN, with a progress bar and rows/s at the end. Rows
 * come from a generator, so that 500,000 RSVPs never sit in memory at once.
 */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  total: number,
  rows: Iterable<readonly CopyValue[]>,
  log: (line: string) => void,
): Promise<CopyReport> {
  const started = performance.now()
  const bar = new cliProgress.SingleBar(
    { format: `  ${table.padEnd(16)} [{bar}] {percentage}% {value}/{total} rows`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  )
  const showBar = total >= 5000 && process.stderr.isTTY
  if (showBar) bar.start(total, 0)
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`))
  let count = 0
  let chunk = ''
  const flush = async () => {
    if (!stream.write(chunk)) await once(stream, 'drain')
    chunk = ''
    if (showBar) bar.update(count)
  }
  for (const row of rows) {
    chunk += `${row.map(field).join('\t')}\n`
    count++
    if (chunk.length > 256 * 1024) await flush()
  }
  await flush()
  stream.end()
  await once(stream, 'finish')
  if (showBar) bar.stop()
  const seconds = (performance.now() - started) / 1000
  log(`  ${table}: ${count.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${rate(count, seconds)} rows/s)`)
  return { table, rows: count, seconds }
}

export function rate(rows: number, seconds: number): string {
  return Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en')
}
