// Imports members from a CSV export of an old CRM into Relais, through @relais/client.
// Run: pnpm --filter @relais/example-node-import start [--file members.csv] [--report report.json]
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createClient, RelaisError } from '@relais/client'
import { Presets, SingleBar } from 'cli-progress'
import { importRows } from './src/import-rows.js'
import { readMembers } from './src/read-members.js'
import { summary } from './src/report.js'

const { values: options } = parseArgs({
  options: {
    file: { type: 'string', default: new URL('./members.sample.csv', import.meta.url).pathname },
    report: { type: 'string' },
    url: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
  },
})

/** The key and server: RELAIS_KEY and RELAIS_URL, else the demo server's `.relais/demo.json` at the repository root. */
function connection(): { key: string; baseUrl: string } {
  const demoFile = new URL('../../.relais/demo.json', import.meta.url)
  let demo: { secret_key?: string; api_url?: string } = {}
  try {
    demo = JSON.parse(readFileSync(demoFile, 'utf8'))
  } catch {}
  const key = process.env.RELAIS_KEY ?? demo.secret_key
  if (!key) {
    console.error(
      'No API key: set RELAIS_KEY to a secret key with the members:write scope, or start the demo server ' +
        `(pnpm start at the repository root) so that ${demoFile.pathname} exists.`,
    )
    process.exit(1)
  }
  return { key, baseUrl: options.url ?? process.env.RELAIS_URL ?? demo.api_url ?? 'http://localhost:8787' }
}

const { key, baseUrl } = connection()
const relais = createClient({ baseUrl, key })
const rows = readMembers(readFileSync(options.file, 'utf8'))
const progress = new SingleBar(
  { format: 'Importing {bar} {value}/{total} rows · {created} created · {skipped} skipped', stream: process.stderr },
  Presets.shades_classic,
)
const tally = { created: 0, skipped: 0 }
progress.start(rows.length, 0, tally)
try {
  const outcomes = await importRows(relais, rows, {
    concurrency: Number(options.concurrency),
    onOutcome: (outcome) => {
      tally[outcome.result]++
      progress.increment(tally)
    },
  })
  progress.stop()
  console.log(`Imported ${options.file} into ${baseUrl}\n\n${summary(outcomes)}`)
  if (options.report) {
    writeFileSync(options.report, `${JSON.stringify({ file: options.file, server: baseUrl, outcomes }, null, 2)}\n`)
    console.log(`\nEvery row's outcome is in ${options.report}.`)
  }
} catch (error) {
  progress.stop()
  if (error instanceof RelaisError) console.error(`Relais refused the import: ${error.message}`)
  else console.error(`Could not reach Relais at ${baseUrl} (${(error as Error).message}). Is it running?`)
  process.exit(1)
}
