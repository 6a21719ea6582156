import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { EmailDrain } from './email-drain.js'
import { loadResult, type ScaleRun, scaleRuns } from './results.js'
import type { ScenarioResult } from './scenarios/types.js'

const reportFile = fileURLToPath(new URL('./RESULTS.md', import.meta.url))
/** Everything after this line of RESULTS.md is written by people and kept when the figures are rewritten. */
const analysisMarker = '<!-- analysis: written by hand, kept by `pnpm bench` -->'

const peerRequestsPerSecond = 245
const readTarget = 20 * peerRequestsPerSecond

type Row = [
  scenario: string,
  rps: string,
  p50: string,
  p99: string,
  errors: string,
  rss: string,
  vsHttp: string,
  vsDb: string,
  target: string,
  met: string,
]

const yes = (ok: boolean) => (ok ? '✅' : '❌')
const n = (value: number | undefined) => (value === undefined ? '—' : value.toLocaleString('en'))
const pct = (value: number) => `${Math.round(value * 100)} %`

function rowsFor(run: ScaleRun): Row[] {
  const http = run.httpFloor?.requestsPerSecond
  const db = run.dbFloor?.perSecond
  const rows: Row[] = []
  if (run.httpFloor) {
    const f = run.httpFloor
    rows.push([
      'HTTP floor (bare node:http, list body)',
      n(f.requestsPerSecond),
      `${f.p50}`,
      `${f.p99}`,
      n(f.errors),
      '—',
      '100 %',
      '—',
      'reference',
      '—',
    ])
  }
  if (run.dbFloor) {
    const f = run.dbFloor
    rows.push([
      `DB floor (list SQL via pg, ${f.clients} clients)`,
      n(f.perSecond),
      `${f.p50}`,
      `${f.p99}`,
      '0',
      '—',
      '—',
      '100 %',
      'reference',
      '—',
    ])
  }
  for (const scenario of run.scenarios) rows.push(scenarioRow(scenario, http, db))
  return rows
}

function scenarioRow(s: ScenarioResult, http: number | undefined, db: number | undefined): Row {
  const rss = `${s.rssMb}`
  const rssOk = s.rssMb < 300
  const checksOk = s.checks.every((check) => check.ok)
  if (s.load) {
    const l = s.load
    const vsHttp = http ? pct(l.requestsPerSecond / http) : '—'
    const vsDb = db ? pct(l.requestsPerSecond / db) : '—'
    if (s.name === 'signups') {
      const ok = l.requestsPerSecond >= 1000 && l.p99 < 100 && checksOk && rssOk
      const check = s.checks.find((c) => c.label.startsWith('every 202'))?.detail ?? ''
      return [
        `sign-ups (${check})`,
        n(l.requestsPerSecond),
        `${l.p50}`,
        `${l.p99}`,
        n(l.errors),
        rss,
        vsHttp,
        '—',
        '≥ 1,000/s, p99 < 100 ms, all verified, RSS < 300 MB',
        yes(ok),
      ]
    }
    const ok =
      (http === undefined || l.requestsPerSecond >= 0.5 * http) &&
      l.p99 < 25 &&
      l.requestsPerSecond >= readTarget &&
      checksOk &&
      rssOk
    return [
      s.name,
      n(l.requestsPerSecond),
      `${l.p50}`,
      `${l.p99}`,
      n(l.errors),
      rss,
      vsHttp,
      s.name === 'list' ? vsDb : '—',
      `≥ 50 % of HTTP floor, ≥ ${n(readTarget)}/s, p99 < 25 ms, RSS < 300 MB`,
      yes(ok),
    ]
  }
  const f = s.figures ?? {}
  if (s.name === 'rsvp-race') {
    const detail = s.checks.map((c) => c.detail).join('; ')
    return [
      `500 concurrent RSVPs, capacity 100 (${detail})`,
      '—',
      `${f.p50}`,
      `${f.p99}`,
      `${f.serverErrors}`,
      rss,
      '—',
      '—',
      'exactly 100 going / 400 waitlisted, no 5xx, RSS < 300 MB',
      yes(checksOk && rssOk),
    ]
  }
  if (s.name === 'stream') {
    return [
      `1,000 SSE clients, one publication; delay from sending the write (${f.received}/${f.connected} received, ${pct(Number(f.withinShare))} ≤ 500 ms; write answered in ${f.writeMs} ms, max ${f.max} ms)`,
      '—',
      `${f.p50}`,
      `p95 ${f.p95}`,
      `${1000 - Number(f.connected)}`,
      rss,
      '—',
      '—',
      '95 % within 500 ms, RSS < 300 MB',
      yes(checksOk && rssOk),
    ]
  }
  return [s.name, '—', '—', '—', '—', rss, '—', '—', '—', yes(checksOk && rssOk)]
}

function table(rows: Row[]): string {
  const head: Row = [
    'Scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'RSS MB (max)',
    'vs HTTP floor',
    'vs DB floor',
    'Target',
    'Met',
  ]
  return [head, head.map(() => '---') as Row, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')
}

/**
 * CPU spent per request, which load from others on the machine disturbs far less than requests per
 * second: what a request costs, and so how many cores a rate needs.
 */
function cpuTable(run: ScaleRun): string {
  const floor = run.httpFloor?.cpu
  const measured = [
    ...(floor ? [{ name: 'HTTP floor (bare node:http)', cpu: floor }] : []),
    ...run.scenarios.flatMap((s) => (s.load?.cpu ? [{ name: s.name, cpu: s.load.cpu }] : [])),
    ...(run.emailDrain ? [{ name: 'sign-up e-mail, sent by `relais worker`', cpu: run.emailDrain.cpu }] : []),
  ]
  if (measured.length === 0) return ''
  const ms = (value: number) => value.toFixed(3)
  const rows = measured.map(({ name, cpu }) => {
    const times = floor && floor.server > 0 ? `× ${(cpu.server / floor.server).toFixed(1)}` : '—'
    const perCore = Math.round(1000 / Math.max(cpu.server + cpu.database, 0.001))
    return `| ${name} | ${ms(cpu.server)} | ${times} | ${ms(cpu.database)} | ${n(perCore)} |`
  })
  return [
    '',
    'CPU per request (user + system, from /proc, while loaded; PostgreSQL counts all its processes):',
    '',
    '| Load | server ms | server vs floor | PostgreSQL ms | requests/s per core of server + PostgreSQL |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    ...(run.emailDrain ? ['', drainLine(run.emailDrain)] : []),
  ].join('\n')
}

function drainLine(d: EmailDrain): string {
  return (
    `The API runs with \`--no-worker\` (docs/deploying.md): the sign-ups' ${n(d.emails)} e-mails queued during the ` +
    `load, then one \`relais worker\` sent them in ${d.seconds} s (${n(d.perSecond)} e-mails/s)` +
    (d.complete ? '.' : ', **not all of them in the time allowed**.')
  )
}

function growth(runs: ScaleRun[]): string {
  const list = (run: ScaleRun) => run.scenarios.find((s) => s.name === 'list')?.load?.p50
  const single = runs.filter((r) => (r.workers ?? 1) === 1)
  const one = single.find((r) => r.scale === 1)
  const ten = single.find((r) => r.scale === 10)
  if (!one || !ten || list(one) === undefined || list(ten) === undefined) {
    return 'Growth (list p50 at scale 10 ≤ 1.5 × scale 1): **not measured** — needs a run at scale 1 and one at scale 10.'
  }
  const ratio = (list(ten) ?? 0) / Math.max(list(one) ?? 1, 0.01)
  return `Growth: list p50 ${list(one)} ms at scale 1, ${list(ten)} ms at scale 10: ×${ratio.toFixed(2)} (target ≤ ×1.5) ${yes(ratio <= 1.5)}`
}

function scaleSection(run: ScaleRun): string {
  const m = run.machine
  const generated = run.generation?.tables
    .map((t) => `${t.table} ${n(t.rows)} (${n(Math.round(t.rows / Math.max(t.seconds, 0.001)))} rows/s)`)
    .join(', ')
  const plans = run.plans
    .map(
      (p) =>
        `<details><summary>${p.label}</summary>\n\n\`\`\`sql\n${p.sql}\n\`\`\`\n\n\`\`\`\n${p.plan}\n\`\`\`\n</details>`,
    )
    .join('\n\n')
  return [
    `## Scale ${run.scale} — ${run.duration} s per scenario, ${run.connections} connections, ${run.workers ?? 1} API process(es) (${m.date.slice(0, 16)}Z)`,
    '',
    `Data: ${Object.entries(run.counts)
      .map(([t, c]) => `${t} ${n(c)}`)
      .join(', ')}.` +
      (generated
        ? ` Generated with COPY: ${generated}${run.generation?.seconds ? `; ${run.generation.seconds} s in all` : ''}.`
        : ''),
    `Server RSS idle after start: ${run.idleRssMb} MB.`,
    run.scenarios.length === 0
      ? '\n**Load scenarios not run at this scale** (only the floors and the plans): see the analysis.'
      : '',
    '',
    table(rowsFor(run)),
    cpuTable(run),
    '',
    '### EXPLAIN (ANALYZE, BUFFERS) of the list statements',
    '',
    plans || '_not captured_',
  ].join('\n')
}

function extraSection(name: string, title: string): string {
  const body = loadResult<{ markdown: string }>(name)
  return `## ${title}\n\n${body?.markdown ?? '_Not run yet._'}`
}

/** Rewrites RESULTS.md from bench/results/*.json, keeping the hand-written analysis at its end. */
export function writeReport(): void {
  const runs = scaleRuns()
  const m = runs.at(-1)?.machine
  const kept = existsSync(reportFile) ? readFileSync(reportFile, 'utf8').split(analysisMarker)[1] : undefined
  const text = [
    '# Relais performance results',
    '',
    'Written by `pnpm bench` (figures), `pnpm drill` and `node packages/widgets/scripts/first-render.mjs`; the analysis at the end is written by hand.',
    '',
    m
      ? `Machine: ${m.cores} × ${m.cpus}, ${m.memoryGb} GB RAM, ${m.os}, Node ${m.node}, ${m.postgres}. The load generator (autocannon), the API and PostgreSQL share these cores, and other engineers ran tests on the machine meanwhile.`
      : 'Machine: not recorded yet.',
    '',
    growth(runs),
    '',
    ...runs.map(scaleSection),
    '',
    extraSection('drill', 'Fault drill (`pnpm drill`)'),
    '',
    '',
    extraSection('widgets', 'Widgets first render'),
    '',
    analysisMarker,
    kept ? `\n${kept.trimStart()}` : '\n## Analysis\n\n_To be written after a full run._\n',
  ].join('\n')
  writeFileSync(reportFile, text.endsWith('\n') ? text : `${text}\n`)
}
