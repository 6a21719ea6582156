import type { DemoInfo } from './demo-file.js'
import { displayPath } from './environment.js'
import type { DataSummary } from './summary.js'

export interface BannerFacts {
  url: string
  host: string
  database: string
  summary: DataSummary
  demo?: { info: DemoInfo; file: string }
  /** Paths are shown relative to it. */
  cwd: string
}

const number = new Intl.NumberFormat('en-GB')

/** What a person needs after `pnpm start`: where to go, which keys to use, on which data. */
export function banner({ url, host, database, summary, demo, cwd }: BannerFacts): string {
  const rows: [string, string][] = [
    ['demo page', `${url}/`],
    ['API reference', `${url}/docs`],
    ['contract', `${url}/openapi.json`],
  ]
  if (demo) {
    rows.push(
      ['publishable key', `${demo.info.publishable_key}   (public operations, browsers)`],
      ['secret key', `${demo.info.secret_key}   (every scope; keep it on servers)`],
      ['keys saved in', displayPath(demo.file, cwd)],
    )
  }
  const scope = demo ? 'demo organization' : `${number.format(summary.organizations)} organization(s)`
  rows.push(
    ['database', database],
    [
      'data',
      `${scope}: ${number.format(summary.members)} members, ${number.format(summary.initiatives)} initiatives ` +
        `(${number.format(summary.upcomingInitiatives)} upcoming)`,
    ],
    [
      'listening on',
      host === '0.0.0.0' || host === '::'
        ? `${host} (every interface)`
        : `${host} only (HOST=0.0.0.0 opens it to others)`,
    ],
  )
  const lines = rows.map(([label, value]) => `  ${label.padEnd(16)} ${value}`)
  return [`Relais is running at ${url}`, ...lines, 'Stop it with Ctrl-C.'].join('\n')
}
