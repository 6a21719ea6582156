import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { sha256Hex } from '../../domain/hashing.js'
import { signUp } from '../../domain/signups/sign-up.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

interface About {
  fr: string
  en: string
}

interface ExportAnswer {
  generated_at: string
  about: Record<string, About>
  member: { id: string; email: string | null; given_name: string | null; status: string; erased_at: string | null }
  memberships: { group_id: string; group_name: string; role: string; joined_at: string }[]
  consents: {
    purpose: string
    given_at: string
    confirmed_at: string | null
    text: { id: string; version: number; language: string; sha256: string; text: string }
  }[]
  rsvps: { initiative_id: string; initiative_title: string; starts_at: string; ends_at: string; status: string }[]
  confirmations: Record<string, unknown>[]
  activity: { id: string; kind: string; payload: Record<string, unknown> }[]
}

const sk = () => ({ key: t.demo.secretKey })

async function exportOf(memberId: string, key = t.demo.secretKey) {
  const res = await t.call('GET', `/v1/members/${memberId}/export`, { key })
  expect(res.status).toBe(200)
  return (await res.json()) as ExportAnswer
}

/** An active demo member who has RSVPed and belongs to groups. */
async function participant() {
  return t.database.db
    .selectFrom('members')
    .selectAll()
    .where('members.organization_id', '=', t.demo.organizationId)
    .where('members.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('rsvps')
          .select('rsvps.id')
          .whereRef('rsvps.organization_id', '=', 'members.organization_id')
          .whereRef('rsvps.member_id', '=', 'members.id'),
      ),
    )
    .orderBy('members.id')
    .executeTakeFirstOrThrow()
}

describe('GET /v1/members/{member_id}/export', () => {
  it('holds the member, their groups by name and explains each section in French and English', async () => {
    const member = await participant()
    const before = Date.now()
    const res = await t.call('GET', `/v1/members/${member.id}/export`, sk())
    expect(res.headers.get('cache-control')).toBe('no-store')
    const held = (await res.json()) as ExportAnswer
    expect(Date.parse(held.generated_at)).toBeGreaterThanOrEqual(before - 1000)
    expect(held.member).toMatchObject({
      id: member.id,
      email: member.email,
      given_name: member.given_name,
      erased_at: null,
    })
    const sections = ['member', 'memberships', 'consents', 'rsvps', 'confirmations', 'activity']
    expect(Object.keys(held.about).sort()).toEqual([...sections].sort())
    for (const section of sections) {
      expect(held.about[section]?.fr.length).toBeGreaterThan(30)
      expect(held.about[section]?.en.length).toBeGreaterThan(30)
    }
    const groups = await t.database.db
      .selectFrom('memberships')
      .innerJoin('groups', (j) =>
        j
          .onRef('groups.organization_id', '=', 'memberships.organization_id')
          .onRef('groups.id', '=', 'memberships.group_id'),
      )
      .select(['groups.id', 'groups.name'])
      .where('memberships.organization_id', '=', t.demo.organizationId)
      .where('memberships.member_id', '=', member.id)
      .execute()
    expect(held.memberships.length).toBe(groups.length)
    expect(held.memberships.map((m) => [m.group_id, m.group_name]).sort()).toEqual(
      groups.map((g) => [g.id, g.name]).sort(),
    )
  })

  it('contains the exact consent texts agreed to, whose fingerprints match', async () => {
    const member = await participant()
    const held = await exportOf(member.id)
    const records = await t.database.db
      .selectFrom('consent_records')
      .select(['id', 'consent_text_id'])
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', member.id)
      .execute()
    expect(held.consents.length).toBe(records.length)
    expect(held.consents.map((c) => c.purpose)).toContain('membership')
    for (const consent of held.consents) {
      expect(consent.text.text.length).toBeGreaterThan(50)
      expect(sha256Hex(consent.text.text)).toBe(consent.text.sha256)
    }
    const stored = await t.database.db
      .selectFrom('consent_texts')
      .select(['id', 'text'])
      .where('organization_id', '=', t.demo.organizationId)
      .where(
        'id',
        'in',
        records.map((r) => r.consent_text_id),
      )
      .execute()
    for (const text of stored) expect(held.consents.find((c) => c.text.id === text.id)?.text.text).toBe(text.text)
  })

  it('lists the RSVPs with the titles and dates of their initiatives', async () => {
    const member = await participant()
    const held = await exportOf(member.id)
    const rsvps = await t.database.db
      .selectFrom('rsvps')
      .innerJoin('initiatives', (j) =>
        j
          .onRef('initiatives.organization_id', '=', 'rsvps.organization_id')
          .onRef('initiatives.id', '=', 'rsvps.initiative_id'),
      )
      .select(['initiatives.id', 'initiatives.title', 'initiatives.starts_at', 'rsvps.status'])
      .where('rsvps.organization_id', '=', t.demo.organizationId)
      .where('rsvps.member_id', '=', member.id)
      .execute()
    expect(held.rsvps.length).toBe(rsvps.length)
    for (const rsvp of rsvps) {
      expect(held.rsvps).toContainEqual(
        expect.objectContaining({
          initiative_id: rsvp.id,
          initiative_title: rsvp.title,
          starts_at: rsvp.starts_at.toISOString(),
          status: rsvp.status,
        }),
      )
    }
  })

  it('shows confirmation links without their token hashes, and the activity naming the person', async () => {
    const [text] = await currentConsentTexts(t.database.db, t.demo.organizationId, { purpose: 'membership' })
    const { member } = await signUp(t.database.db, {
      organizationId: t.demo.organizationId,
      person: { email: 'export@exemple.org', given_name: 'Noé', family_name: 'Export', postcode: '69003' },
      consents: [{ purpose: 'membership', text_id: text?.id ?? '' }],
      source: { origin: 'https://candidat.example.org/adherer' },
    })
    await t.database.db
      .insertInto('activity')
      .values({
        organization_id: t.demo.organizationId,
        id: 'act_0000000000000000000000export',
        kind: 'member_joined',
        payload: JSON.stringify({ member_id: member.id, given_name: 'Noé', commune: 'Lyon' }),
      })
      .execute()
    const res = await t.call('GET', `/v1/members/${member.id}/export`, sk())
    const body = await res.text()
    const held = JSON.parse(body) as ExportAnswer
    expect(held.confirmations).toHaveLength(1)
    expect(held.confirmations[0]).toMatchObject({ purpose: 'signup', subject_id: null, used_at: null })
    expect(Object.keys(held.confirmations[0] ?? {})).not.toContain('token_hash')
    const { token_hash } = await t.database.db
      .selectFrom('confirmations')
      .select('token_hash')
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow()
    expect(body).not.toContain(token_hash)
    expect(held.activity).toEqual([
      expect.objectContaining({ id: 'act_0000000000000000000000export', kind: 'member_joined' }),
    ])
    expect(held.consents[0]?.text.text).toBe(text?.text)
  })

  it('after erasure, holds nothing that identifies the person but still the consent ledger', async () => {
    const member = await participant()
    const beforeErasure = await exportOf(member.id)
    expect((await t.call('DELETE', `/v1/members/${member.id}`, sk())).status).toBe(204)
    const held = await exportOf(member.id)
    expect(held.member).toMatchObject({ email: null, given_name: null, status: 'erased' })
    expect(held.member.erased_at).not.toBeNull()
    expect(held.memberships).toEqual([])
    expect(held.consents).toEqual(beforeErasure.consents)
    const body = JSON.stringify(held)
    // First names alone can be in an initiative's title ("Fête Jean Jaurès"): the full name cannot.
    for (const value of [member.email, `${member.given_name} ${member.family_name}`, member.phone]) {
      if (value) expect(body).not.toContain(value)
    }
  })

  it('answers 404 for another organization and 403 to a publishable key', async () => {
    const member = await participant()
    const foreign = await t.call('GET', `/v1/members/${member.id}/export`, { key: t.other.secretKey })
    expect(foreign.status).toBe(404)
    expect(foreign.headers.get('content-type')).toBe('application/problem+json')
    const publishable = await t.call('GET', `/v1/members/${member.id}/export`, { key: t.demo.publishableKey })
    expect(publishable.status).toBe(403)
    const unknown = await t.call('GET', '/v1/members/mem_0000000000000000000000000/export', sk())
    expect(unknown.status).toBe(404)
  })
})
