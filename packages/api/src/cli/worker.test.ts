import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentConsentTexts } from '../domain/consent/texts.js'
import { signUp } from '../domain/signups/sign-up.js'
import { openStorage } from '../server/database.js'
import { type Environment, storageFrom } from '../server/environment.js'
import { emptyTestStorage, type TestStorage } from '../server/test-storage.js'
import { runCli } from './program.js'

const launcher = fileURLToPath(new URL('../../bin/relais.js', import.meta.url))

let storage: TestStorage
let env: Environment
beforeAll(async () => {
  storage = await emptyTestStorage('worker')
  env = {
    RELAIS_DATA_DIR: storage.dataDir,
    RELAIS_PUBLIC_URL: 'http://relais.test',
    ...(storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : {}),
  }
})
afterAll(() => storage.remove())

async function relais(...argv: string[]) {
  let out = ''
  let err = ''
  const code = await runCli(argv, {
    out: (text) => {
      out += `${text}\n`
    },
    err: (text) => {
      err += `${text}\n`
    },
    env,
    cwd: storage.dataDir,
  })
  return { code, out: out.trim(), err: err.trim() }
}

/** Opens the database the commands use, then lets go of it (PGlite has one owner at a time). */
async function withStorage<T>(work: (db: Awaited<ReturnType<typeof openStorage>>['db']) => Promise<T>): Promise<T> {
  const database = await openStorage(storageFrom(env))
  try {
    return await work(database.db)
  } finally {
    await database.close()
  }
}

describe('relais worker', { timeout: 90_000 }, () => {
  it('runs the jobs waiting in the database in a process of its own, and stops cleanly', async () => {
    const created = await relais('orgs', 'create', '--name', 'Parti du Courrier')
    expect(created.code).toBe(0)
    const organizationId = created.out
    const email = 'travailleur@example.org'
    await withStorage(async (db) => {
      const [membership] = await currentConsentTexts(db, organizationId, { purpose: 'membership', language: 'fr' })
      await signUp(db, {
        organizationId,
        person: { email, given_name: 'Alix', family_name: 'Poste', postcode: '75011' },
        consents: [{ purpose: 'membership', text_id: membership?.id ?? '' }],
        source: {},
      })
    })

    const child = spawn(process.execPath, [launcher, 'worker'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.stderr.on('data', (chunk) => {
      err += chunk
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      const until = Date.now() + 60_000
      while (!/mail: signup-confirmation for mem_\w+ kept in the database/.test(out)) {
        if (Date.now() > until || child.exitCode !== null) throw new Error(`no job ran:\n${out}\n${err}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(err).toContain('Relais worker: running jobs on')
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)

    const mail = await withStorage((db) =>
      db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).executeTakeFirstOrThrow(),
    )
    expect(mail.subject).toBe('Confirmez votre inscription à Parti du Courrier')
    expect(mail.text_body).toMatch(/http:\/\/relais\.test\/confirm\?token=[0-9a-z]+/)
  })

  it('lists no dead letter when no job failed', async () => {
    const failed = await relais('jobs', 'failed')
    expect(failed.code).toBe(0)
    expect(failed.err).toContain('No failed job.')
  })
})
