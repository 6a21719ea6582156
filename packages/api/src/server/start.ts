import { createApp } from '../app.js'
import type { AppConfig } from '../context.js'
import type { RelaisDatabase } from '../db/database.js'
import { migrateToLatest } from '../db/migrate.js'
import { defaultProofOfWork, type ProofOfWorkSettings } from '../domain/proof-of-work/challenge.js'
import { defaultRateLimits, type RateLimitPolicies } from '../domain/rate-limits/policies.js'
import { describeMail, runJobs } from '../jobs/run.js'
import { WorkerWake } from '../jobs/wake.js'
import type { RunningWorker } from '../jobs/worker.js'
import type { MailSettings } from '../mail/settings.js'
import { openPublicCache, type PublicCache } from '../middleware/public-cache/index.js'
import type { TrustProxy } from '../middleware/rate-limit/client-address.js'
import { banner } from './banner.js'
import { openStorage } from './database.js'
import { surviveDatabaseOutages } from './database-outage.js'
import { orphanedDemoMessage, prepareDemo } from './demo.js'
import type { DemoInfo } from './demo-file.js'
import { defaultPort, describeStorage, localOrigins, publicUrlFor, type Storage } from './environment.js'
import { type FetchHandler, type Listening, listen } from './listen.js'
import { defaultPublicCacheMs } from './public-cache-settings.js'
import { summarize } from './summary.js'

export interface StartOptions extends Storage {
  /** 8787 by default; 0 picks a free port. */
  port?: number
  /**
   * 127.0.0.1 by default: a laptop running the demo should not expose its secret keys to the
   * café's Wi-Fi. Containers and servers set HOST=0.0.0.0.
   */
  host?: string
  /** Seed the demo organization on first start, and show it on `/`. */
  demo?: boolean
  /** Where visitors reach the server; `http://localhost:PORT` by default. */
  publicUrl?: string
  /** Where the user is, to show paths relative to it; the current directory by default. */
  cwd?: string
  /** Progress and the banner, a line at a time. */
  log?: (line: string) => void
  /** Run the background jobs (e-mail, purges) in this process too (default); false leaves them to `relais worker`. */
  worker?: boolean
  /** Where e-mail goes; by default it is kept in the database and shown at `/dev/mailbox`. */
  mail?: MailSettings
  /** The rate limits of /v1: the defaults unless given; false for none (benchmarks). */
  rateLimits?: RateLimitPolicies | false
  /** The proxies whose X-Forwarded-For is believed (TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy
  /** Public forms must send a solved challenge: the defaults unless given; false for none (benchmarks). */
  proofOfWork?: ProofOfWorkSettings | false
  /** How long public answers are kept in memory (1 s by default); 0 for none. */
  publicCacheMs?: number
}

export interface RunningServer {
  url: string
  port: number
  database: RelaisDatabase
  demo?: DemoInfo
  /** Stops accepting requests, waits for those in flight, then closes the database. */
  close(): Promise<void>
}

const starting: FetchHandler = () =>
  new Response(
    JSON.stringify({
      type: 'https://relais.dev/problems/service-unavailable',
      title: 'Service Unavailable',
      status: 503,
      detail: 'Relais is starting (migrating or seeding the demo). Try again in a few seconds.',
    }),
    { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '5' } },
  )

/**
 * Starts Relais: listens first (a busy port is reported at once and requests meanwhile hear 503),
 * opens and migrates the database, seeds the demo on first start, then serves the API.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { host = '127.0.0.1', demo = false, log = console.log, cwd = process.cwd() } = options
  let handler = starting
  const listening = await listen(options.port ?? defaultPort, host, (request, env) => handler(request, env))
  const port = listening.port
  let database: RelaisDatabase | undefined
  let worker: RunningWorker | undefined
  let publicCache: PublicCache | undefined
  const mail = options.mail ?? { devMailbox: true, unconfirmedDays: 14 }
  try {
    const url = publicUrlFor(port, options.publicUrl)
    const where = describeStorage(options, cwd)
    database = await openStorage(options)
    const { applied } = await migrateToLatest(database.db)
    if (applied.length > 0) log(`Migrated ${where}: ${applied.join(', ')}.`)
    const config: AppConfig = {
      publicUrl: url,
      live: { listen: database.listen },
      devMailbox: mail.devMailbox,
      rateLimits: options.rateLimits === false ? undefined : (options.rateLimits ?? defaultRateLimits),
      trustProxy: options.trustProxy,
      proofOfWork: options.proofOfWork === false ? undefined : (options.proofOfWork ?? defaultProofOfWork),
    }
    let shown: { info: DemoInfo; file: string } | undefined
    if (demo) {
      const origins = localOrigins(port, url)
      const outcome = await prepareDemo(database.db, { dataDir: options.dataDir, apiUrl: url, origins, where, log })
      if (outcome.state === 'orphaned') {
        log(`Warning: ${orphanedDemoMessage(outcome)}`)
      } else {
        shown = outcome
        config.demo = { publishableKey: outcome.info.publishable_key, organizationId: outcome.info.organization_id }
      }
    }
    const summary = await summarize(database.db, config.demo?.organizationId)
    if (options.worker !== false) worker = await runJobs({ database, publicUrl: url, mail, log })
    const cacheMs = options.publicCacheMs ?? defaultPublicCacheMs
    if (cacheMs > 0) {
      // Several processes share a server database, never PGlite's: only then do they tell each other.
      const listen = database.kind === 'postgres' ? database.listen : undefined
      publicCache = await openPublicCache({ ttlMs: cacheMs, listen })
    }
    const workerWake = new WorkerWake(database.db)
    const app = createApp({ db: database.db, config, publicCache, workerWake })
    // The env carries the socket: rate limits count clients by its address.
    handler = (request, env) => app.fetch(request, env as object | undefined)
    log(describeMail(mail, url))
    if (mail.devMailbox && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
      log(`Warning: ${url}/dev/mailbox shows every e-mail to whoever reaches this server: set SMTP_URL.`)
    }
    if (!worker) log('Background jobs: not run here (--no-worker): run `relais worker` beside this server.')
    log(banner({ url, host, database: where, summary, demo: shown, cwd }))
    return { url, port, database, demo: shown?.info, close: closer(listening, database, worker, workerWake) }
  } catch (error) {
    await listening.close(0)
    await worker?.stop()
    await database?.close()
    throw error
  }
}

// Requests in flight finish first (they may enqueue jobs, and wake the workers), then running jobs,
// then the database closes.
function closer(listening: Listening, database: RelaisDatabase, worker?: RunningWorker, workerWake?: WorkerWake) {
  let closing: Promise<void> | undefined
  return () => {
    closing ??= listening
      .close()
      .then(() => workerWake?.close())
      .then(() => worker?.stop())
      .then(() => database.close())
    return closing
  }
}

/**
 * Stops cleanly on Ctrl-C or a service manager's SIGTERM, even during the first start's seeding
 * (it finishes its transaction first): a PGlite killed mid-write can corrupt its files, and an
 * open one keeps node alive. A second signal gives up waiting. A failed start is reported by its
 * caller.
 */
export function stopOnSignals(
  starting: Promise<{ close(): Promise<void> }>,
  log: (line: string) => void = console.log,
) {
  surviveDatabaseOutages(log)
  const stop = (signal: NodeJS.Signals) => {
    process.once(signal, () => process.exit(130))
    log(`\nStopping Relais (${signal})… (again to stop at once, at the risk of the embedded database)`)
    starting.then(
      (running) =>
        running.close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error('relais: could not stop cleanly:', error)
            process.exit(1)
          },
        ),
      () => undefined,
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
