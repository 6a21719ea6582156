import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import { dbFloor, explain } from './baselines/db-floor.js'
import { httpFloor } from './baselines/http-floor.js'
import { captureListQueries } from './baselines/list-sql.js'
import { benchDatabaseName, databaseExists, databaseUrlFor, recreateDatabase, serverUrl } from './database.js'
import { drainEmails } from './email-drain.js'
import { type BenchManifest, countRows, generate } from './generate/index.js'
import { describeMachine } from './machine.js'
import { writeReport } from './report.js'
import { type ScaleRun, saveResult } from './results.js'
import { detailScenario, listPath, listScenario, nearScenario } from './scenarios/reads.js'
import { rsvpRaceScenario } from './scenarios/rsvp-race.js'
import { signupScenario } from './scenarios/signups.js'
import { streamScenario } from './scenarios/stream.js'
import type { ScenarioContext, ScenarioResult } from './scenarios/types.js'
import { childPids, rssMb, type ServerProcess, startApi, startWorker } from './server.js'

const scenarios = {
  list: listScenario,
  detail: detailScenario,
  near: nearScenario,
  signups: signupScenario,
  rsvp: rsvpRaceScenario,
  stream: streamScenario,
} satisfies Record<string, (context: ScenarioContext) => Promise<ScenarioResult>>
type ScenarioName = keyof typeof scenarios
const names = Object.keys(scenarios) as ScenarioName[]

const program = new Command('bench')
  .description('Load-tests the Relais API on PostgreSQL against an HTTP floor and a database floor.')
  .option('--scale <n>', 'organization size: 1 = 2,000 groups, 200,000 members, 20,000 initiatives, 500,000 RSVPs', '1')
  .option('--duration <seconds>', 'seconds per load scenario', '15')
  .option('--connections <n>', 'concurrent connections of the load scenarios', '50')
  .option('--only <names>', `comma-separated scenarios among ${names.join(', ')}, and floors`)
  .option('--workers <n>', 'serve with `relais serve --workers N` (RSS is then the sum of the workers)', '1')
  .option('--reuse', 'reuse the database generated for this scale before, if any, instead of a fresh one')
  .option('--no-report', 'do not rewrite RESULTS.md')
  .parse()

const options = program.opts<{
  scale: string
  duration: string
  connections: string
  only?: string
  reuse?: boolean
  workers: string
  report: boolean
}>()
const scale = Number(options.scale)
const duration = Number(options.duration)
const connections = Number(options.connections)
const only = options.only?.split(',').map((name) => name.trim())
const unknown = only?.filter((name) => name !== 'floors' && !names.includes(name as ScenarioName)) ?? []
if (!(scale > 0) || !(duration > 0) || unknown.length > 0) {
  console.error(unknown.length ? `Unknown scenario: ${unknown.join(', ')}` : 'Use a positive --scale and --duration.')
  process.exit(2)
}
const wanted = (name: string) => !only || only.includes(name)
const log = (line: string) => console.log(line)

const workDir = join(tmpdir(), 'relais-bench')
mkdirSync(workDir, { recursive: true })
const server = serverUrl()
const name = benchDatabaseName(scale)
const manifestFile = join(workDir, `${name}.json`)

let manifest: BenchManifest
let generation: ScaleRun['generation']
if (options.reuse && existsSync(manifestFile) && (await databaseExists(server, name))) {
  manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BenchManifest
  log(`Reusing ${name} (generated ${manifest.generatedAt}).`)
} else {
  const url = await recreateDatabase(server, name)
  const generated = await generate(url, scale, log)
  manifest = generated.manifest
  generation = { seconds: Math.round(generated.seconds), tables: generated.manifest.generatedIn }
  writeFileSync(manifestFile, JSON.stringify(manifest))
}
manifest.databaseUrl = databaseUrlFor(server, name)

const machine = await describeMachine(manifest.databaseUrl)
const counts = await countRows(manifest.databaseUrl)
const workers = Number(options.workers)
const logFile = join(workDir, `${name}-server.log`)
const api = await startApi({
  databaseUrl: manifest.databaseUrl,
  logFile,
  args: workers > 1 ? ['--workers', String(workers)] : [],
})
// The e-mail worker starts once the sign-ups are in (their e-mails queue meanwhile, as under a
// spike), or before any scenario that needs its e-mails.
let worker: ServerProcess | undefined
const needsWorker: ScenarioName[] = ['rsvp']
const pids = () => (workers > 1 ? childPids(api.pid) : [api.pid])
log(`API pid ${api.pid} on ${api.url}; ${connections} connections, ${duration} s per scenario.`)
const context: ScenarioContext = { manifest, url: api.url, pids, duration, connections, log }
const run: ScaleRun = {
  scale,
  duration,
  connections,
  workers,
  machine,
  counts,
  generation: generation ?? { seconds: manifest.generatedSeconds ?? 0, tables: manifest.generatedIn },
  scenarios: [],
  plans: [],
  idleRssMb: 0,
}
try {
  const listResponse = await fetch(`${api.url}${listPath(context)}`, {
    headers: { authorization: `Bearer ${manifest.publishableKey}` },
  })
  const listBody = await listResponse.text()
  if (listResponse.status !== 200) throw new Error(`the list answered ${listResponse.status}: ${listBody}`)
  run.idleRssMb = Math.round(pids().reduce((sum, pid) => sum + (rssMb(pid) ?? 0), 0))
  const listQueries = await captureListQueries(manifest, { group: manifest.federationId })
  const nearQueries = await captureListQueries(manifest, { near: manifest.nearPostcode, radiusKm: 20 })
  if (wanted('floors')) {
    log('Floors:')
    run.httpFloor = await httpFloor(listBody, workDir, duration, connections)
    log(
      `  bare node:http: ${run.httpFloor.requestsPerSecond} req/s, p50 ${run.httpFloor.p50} ms, p99 ${run.httpFloor.p99} ms`,
    )
    run.dbFloor = await dbFloor(manifest.databaseUrl, listQueries, duration, 10)
    log(
      `  list SQL through pg (${run.dbFloor.clients} clients): ${run.dbFloor.perSecond}/s, p50 ${run.dbFloor.p50} ms, p99 ${run.dbFloor.p99} ms`,
    )
  }
  log('Scenarios:')
  for (const scenario of names.filter(wanted)) {
    if (!worker && needsWorker.includes(scenario))
      worker = await startWorker({ databaseUrl: manifest.databaseUrl, logFile })
    const result = await scenarios[scenario](context)
    run.scenarios.push(result)
    if (scenario === 'signups' && !worker) {
      const drained = await drainEmails(manifest.databaseUrl, () =>
        startWorker({ databaseUrl: manifest.databaseUrl, logFile }),
      )
      worker = drained.worker
      run.emailDrain = drained.drain
      const d = drained.drain
      log(
        `  e-mails: ${d.emails} queued, sent by one worker in ${d.seconds} s (${d.perSecond}/s${d.complete ? '' : ', NOT all'}); ` +
          `per e-mail ${d.cpu.server} ms CPU in the worker, ${d.cpu.database} ms in PostgreSQL`,
      )
    }
    const rps = result.load?.requestsPerSecond
    if (rps !== undefined && run.httpFloor && run.dbFloor) {
      const ratio = (floor: number) => `${Math.round((rps / floor) * 100)} %`
      log(
        `    = ${ratio(run.httpFloor.requestsPerSecond)} of the HTTP floor, ${ratio(run.dbFloor.perSecond)} of the DB floor`,
      )
    }
  }
  const planned = [
    ...listQueries.map((query, index) => ({ label: `list of a federation, statement ${index + 1}`, query })),
    ...nearQueries.map((query, index) => ({ label: `near ${manifest.nearPostcode}, statement ${index + 1}`, query })),
  ]
  const plans = await explain(
    manifest.databaseUrl,
    planned.map((p) => p.query),
  )
  run.plans = planned.map((p, index) => ({ label: p.label, sql: p.query.sql, plan: plans[index] ?? '' }))
} finally {
  await worker?.stop()
  await api.stop()
}
saveResult(`scale-${String(scale).replace('.', '_')}${workers > 1 ? `-workers-${workers}` : ''}`, run)
if (options.report) writeReport()
log(options.report ? 'Wrote bench/RESULTS.md.' : 'Saved the results (RESULTS.md not rewritten).')
