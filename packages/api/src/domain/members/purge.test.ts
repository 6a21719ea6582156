import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { enqueue } from '../../jobs/queue.js'
import { eventually, startTestWorker } from '../../jobs/test-worker.js'
import { currentConsentTexts } from '../consent/texts.js'
import { newId } from '../ids.js'
import { signUp } from '../signups/sign-up.js'
import { suppressionHash } from './suppression.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

const db = () => t.database.db
const dayMs = 86_400_000

async function signUpAt(email: string, daysAgo: number) {
  const [membership] = await currentConsentTexts(db(), t.demo.organizationId, { purpose: 'membership', language: 'fr' })
  const enrolment = await signUp(db(), {
    organizationId: t.demo.organizationId,
    person: { email, given_name: 'Jamais', family_name: 'Confirmé', postcode: '75011' },
    consents: [{ purpose: 'membership', text_id: membership?.id ?? '' }],
    source: {},
    now: new Date(Date.now() - daysAgo * dayMs),
  })
  return enrolment.member.id
}

async function member(id: string) {
  return db()
    .selectFrom('members')
    .selectAll()
    .where('organization_id', '=', t.demo.organizationId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

describe('the purge of unconfirmed sign-ups (a category of the nightly retention job)', () => {
  it('is scheduled every night in the database, so that one process of many enqueues it', async () => {
    const worker = await startTestWorker(t.database)
    await worker.stop()
    const { rows } = await sql<{ cron: string; options: { tz?: string } }>`
      select cron, options from pgboss.schedule where name = 'apply-retention'`.execute(db())
    expect(rows).toEqual([{ cron: '17 3 * * *', options: expect.objectContaining({ tz: 'Europe/Paris' }) }])
  })

  it('erases a pending sign-up older than the delay, keeps a recent one, and suppresses no address', async () => {
    const old = await signUpAt('vieille.inscription@example.org', 20)
    const recent = await signUpAt('inscription.recente@example.org', 3)
    // Signed up 20 days ago, and again yesterday: the new link still works, so the person stays.
    const again = await signUpAt('relance@example.org', 20)
    await signUpAt('relance@example.org', 1)
    // Unsubscribed from the first e-mail without ever confirming: no consent either.
    const unsubscribed = await signUpAt('desabonne.sans.confirmer@example.org', 20)
    await db()
      .updateTable('members')
      .set({ status: 'unsubscribed' })
      .where('organization_id', '=', t.demo.organizationId)
      .where('id', '=', unsubscribed)
      .execute()
    // Added by an organizer, not met on a form: not the purge's business.
    const imported = await db()
      .insertInto('members')
      .values({
        organization_id: t.demo.organizationId,
        id: newId('mem', new Date(Date.now() - 30 * dayMs)),
        email: 'importe@example.org',
        email_normalized: 'importe@example.org',
        given_name: 'Importé',
        family_name: 'Fichier',
        status: 'pending',
        source: '{}',
        created_at: new Date(Date.now() - 30 * dayMs),
        updated_at: new Date(Date.now() - 30 * dayMs),
      })
      .returning('id')
      .executeTakeFirstOrThrow()

    const worker = await startTestWorker(t.database)
    try {
      await db()
        .transaction()
        .execute((trx) => enqueue(trx, 'apply-retention', {}))
      const line = await eventually(async () =>
        worker.lines.find((l) => l.startsWith(`retention: ${t.demo.organizationId}: `)),
      )
      // Counts only in the process log; which people, by id, is in the audit log.
      expect(line).toMatch(/unconfirmed_signups \d+/)
      expect(line).not.toContain('example.org')
      const erasures = await db()
        .selectFrom('audit_events')
        .select(['target_id', 'details', 'actor_kind'])
        .where('organization_id', '=', t.demo.organizationId)
        .where('action', '=', 'member.erase')
        .execute()
      const purged = erasures.filter((event) => event.details.reason === 'retention:unconfirmed_signups')
      const ids = purged.map((event) => event.target_id)
      expect(ids).toEqual(expect.arrayContaining([old, unsubscribed]))
      expect(ids).not.toContain(recent)
      expect(ids).not.toContain(imported.id)
      for (const event of purged) expect(event.actor_kind).toBe('system')
    } finally {
      await worker.stop()
    }

    const erased = await member(old)
    expect(erased).toMatchObject({ status: 'erased', email: null, given_name: null, family_name: null })
    expect((await member(recent)).status).toBe('pending')
    expect((await member(again)).status).toBe('pending')
    expect((await member(unsubscribed)).status).toBe('erased')
    expect((await member(imported.id)).status).toBe('pending')
    const leftovers = await db()
      .selectFrom('confirmations')
      .select('token_hash')
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', old)
      .execute()
    expect(leftovers).toHaveLength(0)
    // The consent ledger stays, append-only, naming nobody now.
    const consents = await db()
      .selectFrom('consent_records')
      .select('purpose')
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', old)
      .execute()
    expect(consents).toHaveLength(1)
    const suppressed = await db()
      .selectFrom('suppressions')
      .select('email_hash')
      .where('organization_id', '=', t.demo.organizationId)
      .where('email_hash', '=', suppressionHash('vieille.inscription@example.org'))
      .execute()
    expect(suppressed).toHaveLength(0)
  })
})
