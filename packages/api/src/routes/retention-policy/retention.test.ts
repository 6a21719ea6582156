import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { newId } from '../../domain/ids.js'
import { suppressionHash } from '../../domain/members/suppression.js'
import { applyRetention } from '../../domain/retention/apply.js'
import { daysOf, retentionPolicyOf } from '../../domain/retention/policy.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

const db = () => t.database.db
const dayMs = 86_400_000
const daysAgo = (days: number) => new Date(Date.now() - days * dayMs)

type Policy = Record<string, { days: number; default: boolean; min_days: number; max_days: number }>

async function policy(key = t.demo.secretKey) {
  const res = await t.call('GET', '/v1/retention-policy', { key })
  expect(res.status).toBe(200)
  return (await res.json()) as Policy
}

describe('the retention policy', () => {
  it('has defaults, and takes an organization’s own delays within bounds', async () => {
    expect(await policy()).toMatchObject({
      unconfirmed_signups: { days: 14, default: true },
      sent_mail: { days: 30, default: true },
      audit_events: { days: 365, default: true, min_days: 180 },
    })
    const res = await t.call('PUT', '/v1/retention-policy', {
      key: t.demo.secretKey,
      body: { sent_mail: 7, past_rsvps: 180 },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ sent_mail: { days: 7, default: false }, past_rsvps: { days: 180 } })
    // Another organization keeps its defaults.
    expect((await policy(t.other.secretKey)).sent_mail).toMatchObject({ days: 30, default: true })

    const low = await t.call('PUT', '/v1/retention-policy', { key: t.demo.secretKey, body: { audit_events: 30 } })
    expect(low.status).toBe(400)
    expect(((await low.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('audit_events')
    const unknown = await t.call('PUT', '/v1/retention-policy', { key: t.demo.secretKey, body: { photos: 3 } })
    expect(unknown.status).toBe(400)
    expect((await policy()).audit_events?.days).toBe(365)

    const reset = await t.call('PUT', '/v1/retention-policy', { key: t.demo.secretKey, body: { sent_mail: null } })
    expect(((await reset.json()) as Policy).sent_mail).toMatchObject({ days: 30, default: true })
    expect((await t.call('GET', '/v1/retention-policy')).status).toBe(403)

    const audit = await t.call('GET', '/v1/audit-events?action=retention_policy.update', { key: t.demo.secretKey })
    const events = ((await audit.json()) as { data: { details: unknown }[] }).data
    expect(events.map((event) => event.details)).toEqual([
      { changes: { sent_mail: null } },
      { changes: { sent_mail: 7, past_rsvps: 180 } },
    ])
  })

  it('removes what is older than each delay, through erasure for people, and counts it in the audit log', async () => {
    const org = t.demo.organizationId
    const person = (id: string, email: string, status: 'active' | 'unsubscribed', days: number) => ({
      organization_id: org,
      id,
      email,
      email_normalized: email,
      given_name: 'Ancienne',
      family_name: 'Personne',
      status,
      source: '{}',
      created_at: daysAgo(days),
      updated_at: daysAgo(days),
    })
    const unsubscribed = newId('mem', daysAgo(400))
    const inactive = newId('mem', daysAgo(1200))
    const lively = newId('mem', daysAgo(1200))
    await db()
      .insertInto('members')
      .values([
        person(unsubscribed, 'parti.depuis.longtemps@example.org', 'unsubscribed', 400),
        person(inactive, 'silencieuse@example.org', 'active', 1200),
        person(lively, 'toujours.la@example.org', 'active', 1200),
      ])
      .execute()
    // A group joined lately is a sign of life.
    const group = await db()
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', org)
      .executeTakeFirstOrThrow()
    await db()
      .insertInto('memberships')
      .values({ organization_id: org, group_id: group.id, member_id: lively, role: 'member', created_at: daysAgo(10) })
      .execute()
    // An initiative that ended long ago, with an RSVP.
    const ended = await db()
      .selectFrom('initiatives')
      .select(['id', 'group_id'])
      .where('organization_id', '=', org)
      .executeTakeFirstOrThrow()
    const oldInitiative = newId('ini', daysAgo(500))
    await db()
      .insertInto('initiatives')
      .values({
        organization_id: org,
        id: oldInitiative,
        group_id: ended.group_id,
        kind: 'meeting',
        title: 'Réunion d’il y a longtemps',
        summary: '',
        description: '',
        starts_at: daysAgo(500),
        ends_at: daysAgo(500),
        timezone: 'Europe/Paris',
        status: 'published',
        search_text: '',
      })
      .execute()
    await db()
      .insertInto('rsvps')
      .values({
        organization_id: org,
        id: newId('rsv'),
        initiative_id: oldInitiative,
        member_id: lively,
        status: 'going',
        source: '{}',
      })
      .execute()
    const mail = (days: number) => ({
      organization_id: org,
      template: 'signup-confirmation',
      to_address: 'destinataire@example.org',
      subject: 'Sujet',
      text_body: 'Texte',
      html_body: '<p>Texte</p>',
      raw: 'raw',
      created_at: daysAgo(days),
    })
    await db()
      .insertInto('mail_outbox')
      .values([mail(40), mail(2)])
      .execute()
    await db()
      .insertInto('audit_events')
      .values({
        organization_id: org,
        action: 'member.read',
        actor_kind: 'secret',
        target_type: 'member',
        occurred_at: daysAgo(400),
        details: '{}',
      })
      .execute()

    const days = daysOf(await retentionPolicyOf(db(), org))
    const counts = await applyRetention(db(), org, days)
    expect(counts.unsubscribed_members).toBeGreaterThanOrEqual(1)
    expect(counts.inactive_members).toBeGreaterThanOrEqual(1)
    expect(counts.past_rsvps).toBeGreaterThanOrEqual(1)
    expect(counts.sent_mail).toBeGreaterThanOrEqual(1)
    expect(counts.audit_events).toBeGreaterThanOrEqual(1)

    const status = async (id: string) =>
      await db()
        .selectFrom('members')
        .select(['status', 'email'])
        .where('organization_id', '=', org)
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    expect(await status(unsubscribed)).toEqual({ status: 'erased', email: null })
    expect(await status(inactive)).toEqual({ status: 'erased', email: null })
    expect((await status(lively)).status).toBe('active')
    // Erased through the erasure path: the unsubscribed person's address is suppressed, the inactive one's not.
    const suppressed = await db()
      .selectFrom('suppressions')
      .select('email_hash')
      .where('organization_id', '=', org)
      .execute()
    const hashes = suppressed.map((row) => row.email_hash)
    expect(hashes).toContain(suppressionHash('parti.depuis.longtemps@example.org'))
    expect(hashes).not.toContain(suppressionHash('silencieuse@example.org'))
    expect(await db().selectFrom('rsvps').select('id').where('initiative_id', '=', oldInitiative).execute()).toEqual([])
    const kept = await db().selectFrom('mail_outbox').select('created_at').where('organization_id', '=', org).execute()
    expect(kept.every((row) => row.created_at > daysAgo(30))).toBe(true)

    const applied = await db()
      .selectFrom('audit_events')
      .select(['details', 'actor_kind', 'key_id'])
      .where('organization_id', '=', org)
      .where('action', '=', 'retention.applied')
      .executeTakeFirstOrThrow()
    expect(applied).toMatchObject({ actor_kind: 'system', key_id: null, details: { counts, days } })
    const erasures = await db()
      .selectFrom('audit_events')
      .select('target_id')
      .where('organization_id', '=', org)
      .where('action', '=', 'member.erase')
      .execute()
    expect(erasures.map((event) => event.target_id)).toEqual(expect.arrayContaining([unsubscribed, inactive]))

    // Nothing older than the delay is left to remove: a second run removes nothing.
    expect(Object.values(await applyRetention(db(), org, days)).every((count) => count === 0)).toBe(true)
  })
})
