import { execFile } from 'node:child_process'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.js'
import { scopes } from '../domain/keys/scopes.js'
import { openStorage } from '../server/database.js'
import { readDemoFile } from '../server/demo-file.js'
import { type Environment, storageFrom } from '../server/environment.js'
import { emptyTestStorage, type TestStorage } from '../server/test-storage.js'
import { runCli } from './program.js'

const launcher = fileURLToPath(new URL('../../bin/relais.js', import.meta.url))

let storage: TestStorage
let env: Environment

// A first-start database: a fresh embedded data dir, or an empty PostgreSQL database.
beforeAll(async () => {
  storage = await emptyTestStorage('cli')
  env = { RELAIS_DATA_DIR: storage.dataDir, ...(storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : {}) }
})
afterAll(() => storage.remove())

async function relais(...argv: string[]) {
  let out = ''
  let err = ''
  const code = await runCli(argv, {
    out: (text) => {
      out += text.endsWith('\n') ? text : `${text}\n`
    },
    err: (text) => {
      err += text.endsWith('\n') ? text : `${text}\n`
    },
    env,
    cwd: storage.dataDir,
  })
  return { code, out: out.trim(), err: err.trim() }
}

/** Calls the API on the database the CLI wrote, then lets go of it (PGlite has one owner at a time). */
async function callApi(path: string, token: string) {
  const database = await openStorage(storageFrom(env))
  try {
    const app = createApp({ db: database.db, config: { publicUrl: 'http://relais.test' } })
    return (await app.request(`http://relais.test${path}`, { headers: { authorization: `Bearer ${token}` } })).status
  } finally {
    await database.close()
  }
}

function expectOneLineError(result: { code: number; err: string }) {
  expect(result.code).toBe(1)
  expect(result.err.split('\n')).toHaveLength(1)
  expect(result.err).toMatch(/^relais: /)
  expect(result.err).not.toMatch(/\n\s+at /)
}

// Each command opens the database anew: PGlite takes a moment each time, more under a loaded test run.
describe('relais', { timeout: 90_000 }, () => {
  let organizationId: string

  it('explains every command with --help, examples included', async () => {
    const top = await relais('--help')
    expect(top.code).toBe(0)
    for (const command of ['serve', 'migrate', 'seed', 'orgs', 'keys']) expect(top.out).toContain(command)
    const create = await relais('keys', 'create', '--help')
    expect(create.code).toBe(0)
    expect(create.out).toContain('Examples:')
    expect(create.out).toContain('members:read')
  })

  // The first command creates the embedded database: several seconds.
  it('migrates, and says so when there is nothing left to do', { timeout: 90_000 }, async () => {
    await relais('migrate')
    const again = await relais('migrate')
    expect(again.code).toBe(0)
    expect(again.out).toContain('up to date')
  })

  it('creates an organization with default consent texts and prints its id', async () => {
    const created = await relais('orgs', 'create', '--name', "Parti de l'Essai")
    expect(created.code).toBe(0)
    expect(created.out).toMatch(/^org_[0-9a-z]+$/)
    expect(created.err).toContain('consent texts')
    organizationId = created.out
    const listed = await relais('orgs', 'list')
    expect(listed.out).toContain('parti-de-l-essai')
    const texts = await openStorage(storageFrom(env)).then(async (database) => {
      const rows = await database.db
        .selectFrom('consent_texts')
        .select(['purpose', 'language'])
        .where('organization_id', '=', organizationId)
        .execute()
      await database.close()
      return rows
    })
    expect(texts).toHaveLength(8)
    expect(new Set(texts.map((t) => t.language))).toEqual(new Set(['fr', 'en']))
  })

  it('refuses a slug that is taken', async () => {
    expectOneLineError(await relais('orgs', 'create', '--name', 'Autre', '--slug', 'parti-de-l-essai'))
  })

  it('creates a secret key whose token works through the API, then lists its hint and revokes it', async () => {
    const created = await relais(
      'keys',
      'create',
      '--org',
      organizationId,
      '--secret',
      '--scope',
      'keys:write',
      '--name',
      'Admin',
    )
    expect(created.code).toBe(0)
    expect(created.out).toMatch(/^sk_live_[0-9a-z]+$/)
    expect(created.err).toContain('shown only now')
    const token = created.out
    expect(await callApi('/v1/keys', token)).toBe(200)

    const listed = await relais('keys', 'list', '--org', organizationId)
    expect(listed.out).toContain(`…${token.slice(-4)}`)
    expect(listed.out).not.toContain(token)
    const keyId = /key_[0-9a-z]+/.exec(listed.out)?.[0] ?? ''

    const revoked = await relais('keys', 'revoke', '--org', organizationId, '--key', keyId)
    expect(revoked.code).toBe(0)
    expect(await callApi('/v1/keys', token)).toBe(401)
  })

  it('creates a publishable key for the origins given', async () => {
    const created = await relais(
      'keys',
      'create',
      '--org',
      organizationId,
      '--publishable',
      '--origin',
      'https://site.example.org',
    )
    expect(created.code).toBe(0)
    expect(created.out).toMatch(/^pk_live_/)
    expect(await callApi('/v1/groups', created.out)).toBe(200)
  })

  it('refuses an unknown scope in one line that lists the valid ones', async () => {
    const result = await relais('keys', 'create', '--org', organizationId, '--secret', '--scope', 'members:delete')
    expectOneLineError(result)
    for (const scope of scopes) expect(result.err).toContain(scope)
  })

  it('refuses an invalid origin, an unknown organization and a missing kind, one line each', async () => {
    expectOneLineError(
      await relais('keys', 'create', '--org', organizationId, '--publishable', '--origin', 'site.example.org'),
    )
    expectOneLineError(await relais('keys', 'create', '--org', 'org_unknown', '--secret', '--scope', 'keys:write'))
    expectOneLineError(await relais('keys', 'list', '--org', 'org_unknown'))
    expectOneLineError(await relais('keys', 'create', '--org', organizationId))
    expectOneLineError(await relais('keys', 'revoke', '--org', organizationId, '--key', 'key_unknown'))
  })

  it('refuses unknown options and missing required ones with exit code 1', async () => {
    expectOneLineError(await relais('keys', 'create', '--secret'))
    expectOneLineError(await relais('keys', 'list', '--org', organizationId, '--everything'))
  })
})

describe('relais seed --demo', () => {
  it('seeds the demo once, writing its working keys to demo.json', { timeout: 120_000 }, async () => {
    const seeded = await relais('seed', '--demo', '--port', '9000')
    expect(seeded.code).toBe(0)
    const info = readDemoFile(storage.dataDir)
    expect(info).toMatchObject({ api_url: 'http://localhost:9000' })
    expect(seeded.out).toContain(info?.secret_key)
    expect(statSync(join(storage.dataDir, 'demo.json')).mode & 0o777).toBe(0o600)
    expect(await callApi('/v1/keys', info?.secret_key ?? '')).toBe(200)

    const again = await relais('seed', '--demo', '--port', '9000')
    expect(again.code).toBe(0)
    expect(again.err).toContain('nothing to do')
    expect(readDemoFile(storage.dataDir)).toEqual(info)
  })
})

describe('bin/relais.js', () => {
  const run = promisify(execFile)

  it('runs the CLI through tsx', async () => {
    const { stdout } = await run(process.execPath, [launcher, 'keys', '--help'])
    expect(stdout).toContain('create')
  })

  it('exits with 1 and one line on stderr for a mistake', async () => {
    const failure = await run(process.execPath, [launcher, 'seed'], { env: { ...process.env, ...env } }).catch(
      (error: { code: number; stderr: string }) => error,
    )
    expect(failure).toMatchObject({ code: 1 })
    expect((failure as { stderr: string }).stderr.trim()).toBe(
      'relais: Say what to seed: relais seed --demo (the only seed so far).',
    )
  })
})
