import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, inject, test } from 'vitest'
// The client's global setup starts the API and declares what it provides.
import type {} from '../../../packages/client/test/global-setup.js'
import type { Outcome } from '../src/import-rows.js'
import { readMembers } from '../src/read-members.js'

const api = inject('api')
const exampleDir = new URL('..', import.meta.url).pathname
const reports = mkdtempSync(join(tmpdir(), 'relais-import-'))
afterAll(() => rmSync(reports, { recursive: true, force: true }))

/** Runs the script as the README says, against the test API, and reads its report. */
async function runImport(name: string) {
  const report = join(reports, `${name}.json`)
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', 'import-members.ts', '--report', report],
    { cwd: exampleDir, env: { ...process.env, RELAIS_URL: api.baseUrl, RELAIS_KEY: api.secretKey } },
  )
  const { outcomes } = JSON.parse(readFileSync(report, 'utf8')) as { outcomes: Outcome[] }
  const count = (result: string, why?: string) =>
    outcomes.filter((o) => o.result === result && (why === undefined || ('why' in o && o.why === why))).length
  return { stdout, outcomes, count }
}

describe('the CSV import', () => {
  test('reads the sample: a few hundred rows, each with its line in the file', () => {
    const rows = readMembers(readFileSync(join(exampleDir, 'members.sample.csv'), 'utf8'))
    expect(rows.length).toBeGreaterThanOrEqual(300)
    expect(rows[0]?.line).toBe(2)
    expect(rows.some((row) => row.tags.length === 2)).toBe(true)
    // Only the domains reserved for documentation, even in rows with a mistyped address.
    const domains = rows.flatMap((row) => row.email.match(/(?<=@)[^@;\s>]+/g) ?? [])
    expect(new Set(domains.map((domain) => domain.toLowerCase()))).toEqual(
      new Set([
        'example.org',
        'example.com',
        'example.net',
        'example',
        'exemple,org',
        '.example.com',
        'example..org',
        'examplecom',
      ]),
    )
  })

  test('imports the good rows once, says why it skipped the others, and creates nothing the second time', async () => {
    const first = await runImport('first')
    expect(first.count('created')).toBeGreaterThan(200)
    expect(first.count('skipped', 'invalid')).toBeGreaterThan(20)
    expect(first.count('skipped', 'twice in the file')).toBeGreaterThan(5)
    expect(first.count('skipped', 'already in Relais')).toBe(0)
    const invalid = first.outcomes.find((o) => o.result === 'skipped' && o.email === 'zoe_perrin@')
    expect(invalid).toMatchObject({ why: 'invalid', detail: 'email: Enter a valid e-mail address.' })
    expect(first.stdout).toMatch(/created\s+\d+/)

    const second = await runImport('second')
    expect(second.count('created')).toBe(0)
    expect(second.count('skipped', 'already in Relais')).toBe(first.count('created'))
    expect(second.outcomes).toHaveLength(first.outcomes.length)

    const created = first.outcomes.find((o) => o.result === 'created')
    const { data } = await fetch(`${api.baseUrl}/v1/members?q=${encodeURIComponent(created?.email ?? '')}`, {
      headers: { authorization: `Bearer ${api.secretKey}` },
    }).then((response) => response.json() as Promise<{ data: { id: string }[] }>)
    expect(data.map((member) => member.id)).toEqual([created?.result === 'created' && created.member_id])
  })
})
