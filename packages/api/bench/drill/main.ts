import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import { recreateDatabase, serverUrl } from '../database.js'
import { generate } from '../generate/index.js'
import { writeReport } from '../report.js'
import { saveResult } from '../results.js'
import { verifySignups } from '../scenarios/signups.js'
import { freePort, type ServerProcess, startApi } from '../server.js'
import { startDrillLoad } from './clients.js'
import { restartCommand, restartPostgres } from './postgres.js'
import { firstReady, watchReadiness } from './readiness.js'

const options = new Command('drill')
  .description('Fault drill: two API processes, sign-up load, kill -9 of one API, immediate restart of PostgreSQL.')
  .option('--clients <n>', 'concurrent sign-up clients', '20')
  .option('--no-db-restart', 'skip the PostgreSQL restart (it disturbs everyone using the server)')
  .parse()
  .opts<{ clients: string; dbRestart: boolean }>()

const log = (line: string) => console.log(line)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const workDir = join(tmpdir(), 'relais-bench')
mkdirSync(workDir, { recursive: true })
const restart = options.dbRestart ? restartCommand() : undefined

const databaseUrl = await recreateDatabase(serverUrl(), 'relais_bench_drill')
const { manifest } = await generate(databaseUrl, 0.01, () => undefined)
const logFile = join(workDir, 'drill-server.log')
const ports = [await freePort(), await freePort()]
let apis = await Promise.all(ports.map((port) => startApi({ databaseUrl, port, logFile })))
const urls = apis.map((api) => api.url)
log(`Two API processes: pids ${apis.map((a) => a.pid).join(', ')}; ${options.clients} clients signing up.`)
const t0 = performance.now()
const events: string[] = []
const at = (ms: number) => `${((ms - t0) / 1000).toFixed(1)} s`
const note = (line: string) => {
  events.push(line)
  log(`  ${line}`)
}

// Like systemd's Restart=always, RestartSec=2: a process that dies on its own is started again,
// and the crash is written down (the drill's own kill -9 is not a crash).
let finished = false
const deliberate = new Set<number>()
const crashes: string[] = []
const supervise = (api: ServerProcess, index: number) => {
  api.child.once('exit', (code, signal) => {
    if (finished || deliberate.has(api.pid)) return
    const line = `${at(performance.now())}: API ${index + 1} (pid ${api.pid}) died on its own (${signal ?? `exit code ${code}`}); supervisor restarts it in 2 s`
    crashes.push(line)
    note(line)
    setTimeout(async () => {
      try {
        const again = await startApi({ databaseUrl, port: ports[index], logFile })
        apis[index] = again
        supervise(again, index)
        note(`${at(performance.now())}: API ${index + 1} started again (pid ${again.pid})`)
      } catch (error) {
        note(`API ${index + 1} could not be started again: ${(error as Error).message}`)
      }
    }, 2000)
  })
}
apis.forEach(supervise)

const readiness = watchReadiness(urls)
const load = startDrillLoad({
  urls,
  publishableKey: manifest.publishableKey,
  textId: manifest.consentTexts.membership ?? '',
  postcode: manifest.nearPostcode,
  clients: Number(options.clients),
  run: `d${Date.now().toString(36)}`,
  giveUpMs: 60_000,
})
await sleep(5000)
const victim = apis[0]
if (!victim) throw new Error('no API')
const killedAt = performance.now()
deliberate.add(victim.pid)
process.kill(victim.pid, 'SIGKILL')
note(
  `${at(killedAt)}: kill -9 of API 1 (pid ${victim.pid}) with ${load.acknowledged.size} sign-ups acknowledged so far`,
)
await sleep(1000)
const restarted = await startApi({ databaseUrl, port: ports[0], logFile })
apis = [restarted, ...apis.slice(1)]
supervise(restarted, 0)
note(
  `${at(performance.now())}: API 1 restarted (pid ${restarted.pid}), ready ${Math.round(performance.now() - killedAt)} ms after the kill`,
)

let database: Record<string, number | string | boolean> = { restarted: false }
await sleep(5000)
if (restart) {
  const wallClock = new Date().toISOString()
  const before = performance.now()
  note(`${at(before)}: PostgreSQL restart -m immediate (${restart.join(' ')}) at ${wallClock}`)
  const tookMs = await restartPostgres(restart)
  const back = performance.now()
  note(`${at(back)}: PostgreSQL accepts connections again (${Math.round(tookMs)} ms)`)
  const ready = await Promise.all(urls.map((url) => firstReady(url, 60_000)))
  // A sign-up acknowledged once every process is ready again (one may have been answered in the
  // instant between PostgreSQL's return and a crash).
  const allReady = Math.max(back, ...ready.map((time) => time ?? back))
  const acknowledgedAfter = await (async () => {
    for (let i = 0; i < 600; i++) {
      const first = load.acknowledgedAt.find((time) => time > allReady)
      if (first) return first
      await sleep(50)
    }
    return undefined
  })()
  const readyMs = ready.map((time) => (time === undefined ? -1 : Math.round(time - back)))
  const signupMs = acknowledgedAfter === undefined ? -1 : Math.round(acknowledgedAfter - back)
  const during = urls.map((url) =>
    (readiness.notReady.get(url) ?? []).filter((answer) => answer.at >= before && answer.at <= back + 15_000),
  )
  const outage = during.map((answers) => answers.length)
  const answered503 = during.map((answers) => answers.filter((answer) => answer.status === '503').length)
  note(
    `/readyz 200 again ${readyMs.join(' / ')} ms after PostgreSQL returned; a new sign-up acknowledged ${signupMs} ms after`,
  )
  note(`/readyz answered not-ready ${outage.join(' / ')} times during the outage (polled every 100 ms)`)
  const seen = urls.map((url) => JSON.stringify(readiness.statuses.get(url) ?? {}))
  note(`/readyz answers over the whole drill, per process: ${seen.join(' / ')}`)
  database = {
    restarted: true,
    wallClock,
    restartMs: Math.round(tookMs),
    readyAfterMs: readyMs.join(' / '),
    firstSignupAfterMs: signupMs,
    readyzNotReadyPolls: outage.join(' / '),
    readyz503: answered503.join(' / '),
  }
}
await sleep(8000)
await load.stop()
readiness.stop()
finished = true
const acknowledged = load.acknowledged
const check = await verifySignups(databaseUrl, manifest.organizationId, `${'d'}%@drill.example.org`, acknowledged)
await Promise.all(apis.map((api) => api.stop()))
note(
  `${acknowledged.size} sign-ups acknowledged (${load.replayed} answered by an idempotent replay, ${load.retries} retries, ` +
    `${load.givenUp.size} given up); ${check.missing} acknowledged but lost, ${check.duplicated} duplicated`,
)
const target = (ok: boolean) => (ok ? '✅' : '❌')
const readyBack = String(database.readyAfterMs ?? '')
  .split(' / ')
  .map(Number)
const readyOk = database.restarted === true && readyBack.every((ms) => ms >= 0 && ms < 10_000)
const markdown = [
  `Run ${new Date().toISOString().slice(0, 16)}Z: two API processes on one PostgreSQL, ${options.clients} clients signing up with an \`Idempotency-Key\` each and retrying the same request (same key, same body) on failure, alternating between the two processes.`,
  '',
  `PostgreSQL: ${new URL(databaseUrl).host}; restarted with \`${restart ? restart.join(' ') : '(not restarted)'}\`.`,
  '',
  '| Check | Result | Target | Met |',
  '| --- | --- | --- | --- |',
  `| acknowledged sign-ups lost | ${check.missing} of ${acknowledged.size} | 0 | ${target(check.missing === 0)} |`,
  `| duplicated (member, consent or e-mail job twice) | ${check.duplicated} | 0 | ${target(check.duplicated === 0)} |`,
  `| API answers again after PostgreSQL is back (/readyz 200, per process) | ${database.restarted ? `${database.readyAfterMs} ms; a new sign-up acknowledged ${database.firstSignupAfterMs} ms after` : 'PostgreSQL not restarted in this run'} | < 10 s | ${target(readyOk)} |`,
  `| API processes survived the database restart | ${crashes.length === 0 ? 'yes' : `no: ${crashes.length} crash(es), restarted by the drill's supervisor (as systemd would)`} | no crash | ${target(crashes.length === 0)} |`,
  `| /readyz reflected the outage (503 while PostgreSQL is away) | ${database.restarted ? `${database.readyz503} answers 503, of ${database.readyzNotReadyPolls} polls not ready (the others: no answer, process down)` : '—'} | 503 | ${target(database.restarted === true && !String(database.readyz503).split(' / ').includes('0'))} |`,
  '',
  'Timeline:',
  '',
  ...events.map((event) => `- ${event}`),
].join('\n')
saveResult('drill', { markdown, check, database, events })
writeReport()
log('Wrote the drill into bench/RESULTS.md.')
process.exit(0)
