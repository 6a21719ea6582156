import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import type { Member } from '../../db/types.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { sha256Hex } from '../../domain/hashing.js'
import { createKey } from '../../domain/keys/keys.js'
import { findPlace } from '../../domain/places/index.js'
import { signUp } from '../../domain/signups/sign-up.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

interface MemberAnswer {
  id: string
  email: string | null
  given_name: string | null
  family_name: string | null
  postcode: string | null
  commune: string | null
  phone: string | null
  status: string
  language: string
  tags: string[]
  groups: { group_id: string; role: string }[]
  source: { origin: string | null; widget: string | null; key_id: string | null }
  consents: { purpose: string; given_at: string; confirmed_at: string | null; withdrawn_at: string | null }[]
  created_at: string
}

interface ProblemAnswer {
  status: number
  detail: string
  errors?: { path: string; message: string }[]
}

const sk = () => ({ key: t.demo.secretKey })
const unknownMember = 'mem_0000000000000000000000000'

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  return (await res.json()) as ProblemAnswer
}

async function create(body: Record<string, unknown>) {
  const res = await t.call('POST', '/v1/members', { ...sk(), body })
  return { res, member: (await res.clone().json()) as MemberAnswer & ProblemAnswer }
}

async function patch(id: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await t.call('PATCH', `/v1/members/${id}`, { ...sk(), body, headers })
  return { res, member: (await res.clone().json()) as MemberAnswer & ProblemAnswer }
}

let sequence = 0
/** A new member created through the API, with an address no other test uses. */
async function fresh(overrides: Record<string, unknown> = {}) {
  sequence += 1
  const { res, member } = await create({
    email: `personne.${sequence}@exemple.org`,
    given_name: 'Dominique',
    family_name: 'Essai',
    ...overrides,
  })
  expect(res.status).toBe(201)
  return member
}

function row(id: string): Promise<Member> {
  return t.database.db
    .selectFrom('members')
    .selectAll()
    .where('organization_id', '=', t.demo.organizationId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

/** The demo organization's members as stored, to prove a refused request wrote nothing. */
async function membersSnapshot() {
  const [members, memberships] = await Promise.all([
    t.database.db
      .selectFrom('members')
      .select(['id', 'version', 'email_normalized', 'status', 'updated_at'])
      .where('organization_id', '=', t.demo.organizationId)
      .orderBy('id')
      .execute(),
    t.database.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', t.demo.organizationId)
      .executeTakeFirstOrThrow(),
  ])
  return { members, memberships: Number(memberships.n) }
}

async function allPages(query: string, key = t.demo.secretKey) {
  const members: MemberAnswer[] = []
  let cursor: string | null = null
  do {
    const separator = query ? '&' : ''
    const res = await t.call('GET', `/v1/members?limit=100${separator}${query}${cursor ? `&cursor=${cursor}` : ''}`, {
      key,
    })
    expect(res.status).toBe(200)
    const page = (await res.json()) as { data: MemberAnswer[]; next_cursor: string | null }
    members.push(...page.data)
    cursor = page.next_cursor
  } while (cursor)
  return members
}

function demoMembers() {
  return t.database.db.selectFrom('members').selectAll().where('organization_id', '=', t.demo.organizationId)
}

async function someGroup(kind: 'federation' | 'section' | 'thematic') {
  return t.database.db
    .selectFrom('groups')
    .select(['id', 'path'])
    .where('organization_id', '=', t.demo.organizationId)
    .where('kind', '=', kind)
    .orderBy('id')
    .executeTakeFirstOrThrow()
}

describe('GET /v1/members', () => {
  it('pages through every member not erased once, in the order they became known, with their groups', async () => {
    const listed = await allPages('')
    const ids = listed.map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
    const stored = await demoMembers().where('status', '!=', 'erased').orderBy('created_at').orderBy('id').execute()
    expect(ids).toEqual(stored.map((m) => m.id))
    expect(listed.length).toBeGreaterThan(1000)
    expect(listed.every((m) => m.groups.length > 0)).toBe(true)
    const first = listed[0]
    expect(first).toMatchObject({ id: stored[0]?.id, email: stored[0]?.email, status: stored[0]?.status })
    expect(first?.source.origin).toMatch(/^https:\/\//)
  })

  it('keeps pages stable when members share a creation time to the microsecond', async () => {
    const at = '2020-01-01T00:00:00.123456Z'
    const ids = ['mem_00000000000000000000000aa', 'mem_00000000000000000000000ab', 'mem_00000000000000000000000ac']
    await t.database.db
      .insertInto('members')
      .values(
        ids.map((id) => ({
          organization_id: t.demo.organizationId,
          id,
          email: `${id}@exemple.org`,
          email_normalized: `${id}@exemple.org`,
          status: 'active' as const,
          source: '{}',
          created_at: at,
          updated_at: at,
        })),
      )
      .execute()
    const listed = await allPages('created_before=2020-01-02T00:00:00Z')
    expect(listed.map((m) => m.id)).toEqual(ids)
    const pages: string[] = []
    let cursor: string | null = null
    do {
      const res = await t.call(
        'GET',
        `/v1/members?limit=1&created_before=2020-01-02T00:00:00Z${cursor ? `&cursor=${cursor}` : ''}`,
        sk(),
      )
      const page = (await res.json()) as { data: MemberAnswer[]; next_cursor: string | null }
      pages.push(...page.data.map((m) => m.id))
      cursor = page.next_cursor
    } while (cursor)
    expect(pages).toEqual(ids)
  })

  it('filters by status', async () => {
    const pending = await allPages('status=pending')
    const stored = await demoMembers().where('status', '=', 'pending').execute()
    expect(pending.length).toBe(stored.length)
    expect(pending.length).toBeGreaterThan(0)
    expect(pending.every((m) => m.status === 'pending')).toBe(true)
  })

  it('filters by group, including the members of its subgroups', async () => {
    const federation = await someGroup('federation')
    const listed = await allPages(`group=${federation.id}`)
    const expected = await t.database.db
      .selectFrom('memberships')
      .innerJoin('groups', (j) =>
        j
          .onRef('groups.organization_id', '=', 'memberships.organization_id')
          .onRef('groups.id', '=', 'memberships.group_id'),
      )
      .innerJoin('members', (j) =>
        j
          .onRef('members.organization_id', '=', 'memberships.organization_id')
          .onRef('members.id', '=', 'memberships.member_id'),
      )
      .select('memberships.member_id')
      .distinct()
      .where('memberships.organization_id', '=', t.demo.organizationId)
      .where('groups.path', 'like', `${federation.path}%`)
      .where('members.status', '!=', 'erased')
      .execute()
    expect(listed.length).toBeGreaterThan(0)
    expect(new Set(listed.map((m) => m.id))).toEqual(new Set(expected.map((m) => m.member_id)))
    expect(listed.length).toBe(expected.length)
  })

  it('filters by tag and by postcode', async () => {
    const tagged = await allPages(`tag=${encodeURIComponent('bénévole')}`)
    expect(tagged.length).toBeGreaterThan(0)
    expect(tagged.every((m) => m.tags.includes('bénévole'))).toBe(true)
    const someone = await demoMembers().where('postcode', 'is not', null).orderBy('id').executeTakeFirstOrThrow()
    const local = await allPages(`postcode=${someone.postcode}`)
    expect(local.map((m) => m.id)).toContain(someone.id)
    expect(local.every((m) => m.postcode === someone.postcode)).toBe(true)
  })

  it('searches names whatever their accents, case or word order', async () => {
    await fresh({ given_name: 'Hélène', family_name: "D'Aubigné-Lefèvre" })
    const found = await allPages(`q=${encodeURIComponent('LEFEVRE helene')}`)
    expect(found.map((m) => m.family_name)).toContain("D'Aubigné-Lefèvre")
    expect(found.every((m) => /h[eé]l[eè]ne/i.test(`${m.given_name} ${m.family_name} ${m.email}`))).toBe(true)
    expect(await allPages(`q=${encodeURIComponent('aubigne')}`)).toHaveLength(1)
  })

  it('matches an address exactly, whatever its case', async () => {
    const someone = await demoMembers().where('status', '=', 'active').orderBy('id').executeTakeFirstOrThrow()
    const found = await allPages(`q=${encodeURIComponent(String(someone.email).toUpperCase())}`)
    expect(found.map((m) => m.id)).toEqual([someone.id])
    const partial = String(someone.email).replace(/^./, '')
    expect(await allPages(`q=${encodeURIComponent(partial)}`)).toEqual([])
  })

  it('filters by creation time', async () => {
    const after = new Date(t.now.getTime() - 30 * 24 * 3600 * 1000).toISOString()
    const before = new Date(t.now.getTime() - 7 * 24 * 3600 * 1000).toISOString()
    const listed = await allPages(`created_after=${after}&created_before=${before}`)
    const stored = await demoMembers()
      .where('status', '!=', 'erased')
      .where('created_at', '>', new Date(after))
      .where('created_at', '<', new Date(before))
      .execute()
    expect(listed.length).toBe(stored.length)
    expect(listed.every((m) => m.created_at > after && m.created_at < before)).toBe(true)
  })

  it('refuses bad filters and forged cursors with a problem naming the field', async () => {
    const cases: [string, string][] = [
      ['status=gone', 'query.status'],
      ['group=ini_123', 'query.group'],
      ['group=grp_0000000000000000000000000', 'query.group'],
      ['postcode=7501', 'query.postcode'],
      ['created_after=yesterday', 'query.created_after'],
      ['created_before=2026-02-30T10:00:00Z', 'query.created_before'],
      ['limit=101', 'query.limit'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      [
        `cursor=${Buffer.from(JSON.stringify(['2026-02-31T00:00:00.000000Z', 'mem_1'])).toString('base64url')}`,
        'cursor',
      ],
    ]
    for (const [query, path] of cases) {
      const problem = await expectProblem(await t.call('GET', `/v1/members?${query}`, sk()), 400)
      expect(
        problem.errors?.map((e) => e.path),
        query,
      ).toContain(path)
    }
  })

  it("does not list another organization's members", async () => {
    const theirs = await allPages('', t.other.secretKey)
    const ours = new Set((await allPages('')).map((m) => m.id))
    expect(theirs.length).toBeGreaterThan(0)
    expect(theirs.some((m) => ours.has(m.id))).toBe(false)
  })
})

describe('POST /v1/members', () => {
  it('creates a pending member with groups, tags and the commune of its postcode, with 201 and Location', async () => {
    const section = await someGroup('section')
    const thematic = await someGroup('thematic')
    const { res, member } = await create({
      email: '  Claude.Nouveau@Exemple.org ',
      given_name: 'Claude',
      family_name: 'Nouveau',
      postcode: '69003',
      phone: '+33 6 12 34 56 78',
      tags: ['bénévole', ' tractage ', 'bénévole'],
      groups: [{ group_id: section.id, role: 'organizer' }, { group_id: thematic.id }],
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBe(`http://relais.test/v1/members/${member.id}`)
    expect(res.headers.get('etag')).toBe('"1"')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(member).toMatchObject({
      email: 'Claude.Nouveau@Exemple.org',
      status: 'pending',
      language: 'fr',
      postcode: '69003',
      commune: findPlace('69003')?.communes[0]?.name,
      tags: ['bénévole', 'tractage'],
      consents: [],
    })
    expect(member.groups).toHaveLength(2)
    expect(member.groups).toEqual(
      expect.arrayContaining([
        { group_id: section.id, role: 'organizer' },
        { group_id: thematic.id, role: 'member' },
      ]),
    )
    expect(member.source.key_id).toMatch(/^key_/)
    expect((await row(member.id)).email_normalized).toBe('claude.nouveau@exemple.org')
  })

  it('creates an active member when asked, in English', async () => {
    const member = await fresh({ status: 'active', language: 'en' })
    expect(member).toMatchObject({ status: 'active', language: 'en', postcode: null, commune: null })
  })

  it('refuses an address already known, whatever its case, with 409 on email and nothing written', async () => {
    await fresh({ email: 'alice@example.org' })
    const before = await membersSnapshot()
    const { res } = await create({ email: 'Alice@Example.org', given_name: 'Alice', family_name: 'Bis' })
    const problem = await expectProblem(res, 409)
    expect(problem.errors?.[0]?.path).toBe('email')
    expect(await membersSnapshot()).toEqual(before)
  })

  it.each([
    [{ email: 'pas-une-adresse' }, 'email'],
    [{ email: `${'a'.repeat(250)}@exemple.org` }, 'email'],
    [{ given_name: '  ' }, 'given_name'],
    [{ family_name: undefined }, 'family_name'],
    [{ phone: 'appelez-moi' }, 'phone'],
    [{ postcode: '7500' }, 'postcode'],
    [{ language: 'de' }, 'language'],
    [{ status: 'active', extra: 1 }, '(body)'],
    [{ status: 'unsubscribed' }, 'status'],
    [{ tags: ['x'.repeat(51)] }, 'tags.0'],
    [{ groups: [{ group_id: 'ini_1' }] }, 'groups.0.group_id'],
    [{ groups: [{ group_id: 'grp_0000000000000000000000000' }] }, 'groups.0.group_id'],
  ])('refuses invalid fields with a 400 naming them (%#), writing nothing', async (overrides, path) => {
    const before = await membersSnapshot()
    const { res } = await create({ email: 'valide@exemple.org', given_name: 'A', family_name: 'B', ...overrides })
    const problem = await expectProblem(res, 400)
    expect(problem.errors?.map((e) => e.path)).toContain(path)
    expect(await membersSnapshot()).toEqual(before)
  })

  it('refuses a group of another organization, and the same group twice', async () => {
    const theirs = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .executeTakeFirstOrThrow()
    const before = await membersSnapshot()
    const base = { email: 'groupes@exemple.org', given_name: 'A', family_name: 'B' }
    const foreign = await create({ ...base, groups: [{ group_id: theirs.id }] })
    expect((await expectProblem(foreign.res, 400)).errors?.[0]?.path).toBe('groups.0.group_id')
    const section = await someGroup('section')
    const twice = await create({ ...base, groups: [{ group_id: section.id }, { group_id: section.id }] })
    expect((await expectProblem(twice.res, 400)).errors?.[0]?.path).toBe('groups')
    expect(await membersSnapshot()).toEqual(before)
  })

  it('refuses unknown fields rather than ignoring them', async () => {
    const { res } = await create({ email: 'x@exemple.org', given_name: 'A', family_name: 'B', role: 'admin' })
    const problem = await expectProblem(res, 400)
    expect(problem.errors?.[0]?.message).toContain('role')
  })

  it('answers malformed JSON with 400 and a body that is not JSON with 415', async () => {
    await expectProblem(await t.call('POST', '/v1/members', { ...sk(), body: '{"email": ' }), 400)
    const form = await t.call('POST', '/v1/members', {
      ...sk(),
      body: 'email=x@exemple.org',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    await expectProblem(form, 415)
  })
})

describe('GET /v1/members/{member_id}', () => {
  it('shows a member with their groups, the latest consent per purpose and the version as ETag', async () => {
    const texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { language: 'fr' })
    const textId = (purpose: string) => texts.find((text) => text.purpose === purpose)?.id ?? ''
    const { member } = await signUp(t.database.db, {
      organizationId: t.demo.organizationId,
      person: { email: 'consent@exemple.org', given_name: 'Lou', family_name: 'Test', postcode: '75011' },
      consents: [
        { purpose: 'membership', text_id: textId('membership') },
        { purpose: 'news', text_id: textId('news') },
      ],
      source: { origin: 'https://candidat.example.org/adherer', widget: 'relais-signup-form', key_id: null },
    })
    const res = await t.call('GET', `/v1/members/${member.id}`, sk())
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"1"')
    const shown = (await res.json()) as MemberAnswer
    expect(shown).toMatchObject({ id: member.id, email: 'consent@exemple.org', status: 'pending', groups: [] })
    expect(shown.source).toEqual({
      origin: 'https://candidat.example.org/adherer',
      widget: 'relais-signup-form',
      key_id: null,
    })
    expect(shown.consents.map((c) => c.purpose)).toEqual(['membership', 'news'])
    expect(shown.consents[0]).toMatchObject({ confirmed_at: null, withdrawn_at: null })
  })

  it('answers 404 for an unknown member and 400 for an id of another kind', async () => {
    await expectProblem(await t.call('GET', `/v1/members/${unknownMember}`, sk()), 404)
    await expectProblem(await t.call('GET', '/v1/members/grp_123', sk()), 400)
  })
})

describe('PATCH /v1/members/{member_id}', () => {
  it('rectifies names, address and postcode, bumping the version', async () => {
    const member = await fresh({ postcode: '75011' })
    const { res, member: changed } = await patch(member.id, {
      given_name: 'Dominique-Marie',
      email: 'Rectifiee@Exemple.org',
      postcode: '13001',
      phone: null,
      tags: ['élu local'],
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"2"')
    expect(changed).toMatchObject({
      given_name: 'Dominique-Marie',
      family_name: 'Essai',
      email: 'Rectifiee@Exemple.org',
      postcode: '13001',
      commune: findPlace('13001')?.communes[0]?.name,
      phone: null,
      tags: ['élu local'],
    })
    const stored = await row(member.id)
    expect(stored).toMatchObject({ email_normalized: 'rectifiee@exemple.org', version: 2 })
  })

  it('applies a change whose If-Match is current and refuses a stale one with 412, changing nothing', async () => {
    const member = await fresh()
    expect((await patch(member.id, { family_name: 'Deux' }, { 'if-match': '"1"' })).res.status).toBe(200)
    const before = await row(member.id)
    const stale = await patch(member.id, { family_name: 'Trois' }, { 'if-match': '"1"' })
    expect((await expectProblem(stale.res, 412)).detail).toContain('version 2')
    await expectProblem((await patch(member.id, { family_name: 'Trois' }, { 'if-match': 'W/"2"' })).res, 412)
    expect(await row(member.id)).toEqual(before)
  })

  it("refuses another member's address, whatever its case, with 409 on email", async () => {
    const taken = await fresh()
    const member = await fresh()
    const { res } = await patch(member.id, { email: String(taken.email).toUpperCase() })
    expect((await expectProblem(res, 409)).errors?.[0]?.path).toBe('email')
    expect((await row(member.id)).version).toBe(1)
  })

  it('unsubscribes an active member and reactivates them, but does not activate a pending one', async () => {
    const active = await fresh({ status: 'active' })
    expect((await patch(active.id, { status: 'unsubscribed' })).member.status).toBe('unsubscribed')
    expect((await patch(active.id, { status: 'active' })).member.status).toBe('active')
    const pending = await fresh()
    const problem = await expectProblem((await patch(pending.id, { status: 'active' })).res, 409)
    expect(problem.errors?.[0]?.path).toBe('status')
    expect((await row(pending.id)).status).toBe('pending')
    const erasing = await expectProblem((await patch(pending.id, { status: 'erased' })).res, 400)
    expect(erasing.errors?.[0]?.path).toBe('status')
  })

  it('refuses invalid and unknown fields, and malformed JSON, changing nothing', async () => {
    const member = await fresh()
    const before = await row(member.id)
    for (const body of [{ email: 'nope' }, { given_name: '' }, { groups: [] }, { version: 7 }, { email: null }]) {
      await expectProblem((await patch(member.id, body)).res, 400)
    }
    await expectProblem(await t.call('PATCH', `/v1/members/${member.id}`, { ...sk(), body: '{"given_name": ' }), 400)
    expect(await row(member.id)).toEqual(before)
    await expectProblem((await patch(unknownMember, { given_name: 'X' })).res, 404)
  })
})

describe('DELETE /v1/members/{member_id}', () => {
  async function memberWithRsvps() {
    return t.database.db
      .selectFrom('members')
      .select('members.id')
      .where('members.organization_id', '=', t.demo.organizationId)
      .where('members.status', '=', 'active')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('rsvps')
            .select('rsvps.id')
            .whereRef('rsvps.organization_id', '=', 'members.organization_id')
            .whereRef('rsvps.member_id', '=', 'members.id')
            .where('rsvps.status', '=', 'going'),
        ),
      )
      .orderBy('members.id')
      .executeTakeFirstOrThrow()
  }

  function rsvpsOf(memberId: string) {
    return t.database.db
      .selectFrom('rsvps')
      .select(['id', 'status', 'initiative_id'])
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', memberId)
      .orderBy('id')
      .execute()
  }

  async function countsOf(initiativeId: string) {
    const { going_count, waitlist_count } = await t.database.db
      .selectFrom('initiatives')
      .select(['going_count', 'waitlist_count'])
      .where('organization_id', '=', t.demo.organizationId)
      .where('id', '=', initiativeId)
      .executeTakeFirstOrThrow()
    return { going: going_count, waitlisted: waitlist_count }
  }

  async function countsFromRows(initiativeId: string) {
    const rows = await t.database.db
      .selectFrom('rsvps')
      .select('status')
      .where('organization_id', '=', t.demo.organizationId)
      .where('initiative_id', '=', initiativeId)
      .execute()
    return {
      going: rows.filter((r) => r.status === 'going' || r.status === 'attended').length,
      waitlisted: rows.filter((r) => r.status === 'waitlisted').length,
    }
  }

  it('blanks every personal field, removes memberships and cancels RSVPs, keeping consents', async () => {
    const { id } = await memberWithRsvps()
    const before = await row(id)
    const rsvps = await rsvpsOf(id)
    const consents = await t.database.db
      .selectFrom('consent_records')
      .selectAll()
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', id)
      .execute()
    expect(consents.length).toBeGreaterThan(0)

    const res = await t.call('DELETE', `/v1/members/${id}`, sk())
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')

    const erased = await row(id)
    expect(erased).toMatchObject({
      email: null,
      email_normalized: null,
      given_name: null,
      family_name: null,
      postcode: null,
      commune: null,
      phone: null,
      tags: [],
      source: {},
      status: 'erased',
      version: before.version + 1,
    })
    expect(erased.erased_at).toBeInstanceOf(Date)
    const memberships = await t.database.db
      .selectFrom('memberships')
      .select('group_id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', id)
      .execute()
    expect(memberships).toEqual([])

    const after = await rsvpsOf(id)
    for (const [i, rsvp] of rsvps.entries()) {
      const open = rsvp.status === 'going' || rsvp.status === 'waitlisted'
      expect(after[i]?.status).toBe(open ? 'cancelled' : rsvp.status)
      expect(await countsOf(rsvp.initiative_id)).toEqual(await countsFromRows(rsvp.initiative_id))
    }
    const kept = await t.database.db
      .selectFrom('consent_records')
      .selectAll()
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', id)
      .execute()
    expect(kept).toEqual(consents)
    const suppression = await t.database.db
      .selectFrom('suppressions')
      .selectAll()
      .where('organization_id', '=', t.demo.organizationId)
      .where('email_hash', '=', sha256Hex(String(before.email_normalized)))
      .executeTakeFirst()
    expect(suppression?.reason).toBe('erasure')
  })

  it('hands a place given back to the first of the waitlist', async () => {
    const initiative = await t.database.db
      .selectFrom('initiatives')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('status', '=', 'published')
      .where('starts_at', '>', t.now)
      .where('waitlist_count', '>', 0)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const queue = () =>
      t.database.db
        .selectFrom('rsvps')
        .select(['id', 'member_id', 'status'])
        .where('organization_id', '=', t.demo.organizationId)
        .where('initiative_id', '=', initiative.id)
        .where('status', 'in', ['going', 'waitlisted'])
        .orderBy('status')
        .orderBy('queued_at')
        .orderBy('id')
        .execute()
    const before = await queue()
    const going = before.find((rsvp) => rsvp.status === 'going')
    const first = before.find((rsvp) => rsvp.status === 'waitlisted')
    const counts = await countsOf(initiative.id)
    expect((await t.call('DELETE', `/v1/members/${going?.member_id}`, sk())).status).toBe(204)
    const after = await queue()
    expect(after.find((rsvp) => rsvp.id === first?.id)?.status).toBe('going')
    expect(after.map((rsvp) => rsvp.id)).not.toContain(going?.id)
    expect(await countsOf(initiative.id)).toEqual({ going: counts.going, waitlisted: counts.waitlisted - 1 })
    expect(await countsFromRows(initiative.id)).toEqual(await countsOf(initiative.id))
  })

  it('deletes confirmation links and public activity naming the person', async () => {
    const texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { purpose: 'membership' })
    const { member } = await signUp(t.database.db, {
      organizationId: t.demo.organizationId,
      person: { email: 'lien@exemple.org', given_name: 'Sam', family_name: 'Lien', postcode: '75011' },
      consents: [{ purpose: 'membership', text_id: texts[0]?.id ?? '' }],
      source: {},
    })
    await t.database.db
      .insertInto('activity')
      .values({
        organization_id: t.demo.organizationId,
        id: 'act_0000000000000000000000erase',
        kind: 'member_joined',
        payload: JSON.stringify({ member_id: member.id, given_name: 'Sam' }),
      })
      .execute()
    expect((await t.call('DELETE', `/v1/members/${member.id}`, sk())).status).toBe(204)
    for (const table of ['confirmations', 'memberships'] as const) {
      const left = await t.database.db
        .selectFrom(table)
        .select('member_id')
        .where('organization_id', '=', t.demo.organizationId)
        .where('member_id', '=', member.id)
        .execute()
      expect(left).toEqual([])
    }
    const activity = await t.database.db
      .selectFrom('activity')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('id', '=', 'act_0000000000000000000000erase')
      .execute()
    expect(activity).toEqual([])
  })

  it('answers 204 again for an erased member, leaves them out of lists and refuses to rectify them', async () => {
    const member = await fresh({ email: 'deux.fois@exemple.org' })
    expect((await t.call('DELETE', `/v1/members/${member.id}`, sk())).status).toBe(204)
    const once = await row(member.id)
    expect((await t.call('DELETE', `/v1/members/${member.id}`, sk())).status).toBe(204)
    expect(await row(member.id)).toEqual(once)
    const shown = (await (await t.call('GET', `/v1/members/${member.id}`, sk())).json()) as MemberAnswer
    expect(shown).toMatchObject({ status: 'erased', email: null, given_name: null, groups: [] })
    expect((await allPages('q=essai')).map((m) => m.id)).not.toContain(member.id)
    expect((await allPages('status=erased')).map((m) => m.id)).toContain(member.id)
    await expectProblem((await patch(member.id, { given_name: 'Retour' })).res, 409)
  })

  it('refuses to add back an erased address, in any case, by creation or rectification', async () => {
    const member = await fresh({ email: 'Oubliez.Moi@Exemple.org' })
    expect((await t.call('DELETE', `/v1/members/${member.id}`, sk())).status).toBe(204)
    const before = await membersSnapshot()
    const { res } = await create({ email: 'oubliez.moi@exemple.org', given_name: 'Re', family_name: 'Import' })
    const problem = await expectProblem(res, 409)
    expect(problem.errors?.[0]?.path).toBe('email')
    expect(problem.detail).toContain('erased')
    const other = await fresh()
    const after = await membersSnapshot()
    expect(after.members.length).toBe(before.members.length + 1)
    const rectified = await patch(other.id, { email: 'OUBLIEZ.MOI@exemple.org' })
    expect((await expectProblem(rectified.res, 409)).detail).toContain('erased')
    expect(await membersSnapshot()).toEqual(after)
  })

  it('answers 404 for an unknown member', async () => {
    await expectProblem(await t.call('DELETE', `/v1/members/${unknownMember}`, sk()), 404)
  })
})

describe('access to members', () => {
  async function ourMember() {
    return demoMembers().where('status', '=', 'active').orderBy('id').executeTakeFirstOrThrow()
  }

  function everyOperation(id: string) {
    return [
      ['GET', '/v1/members', undefined],
      ['POST', '/v1/members', { email: 'acces@exemple.org', given_name: 'A', family_name: 'B' }],
      ['GET', `/v1/members/${id}`, undefined],
      ['PATCH', `/v1/members/${id}`, { given_name: 'Pris' }],
      ['DELETE', `/v1/members/${id}`, undefined],
      ['GET', `/v1/members/${id}/export`, undefined],
    ] as const
  }

  it('answers 401 without a key and 403 to a publishable key, on every operation, changing nothing', async () => {
    const { id } = await ourMember()
    const before = await membersSnapshot()
    for (const [method, path, body] of everyOperation(id)) {
      const anonymous = await expectProblem(await t.call(method, path, { key: null, body }), 401)
      expect(anonymous.detail).toContain('Bearer')
      const publishable = await expectProblem(await t.call(method, path, { key: t.demo.publishableKey, body }), 403)
      expect(publishable.detail).toContain('secret key')
    }
    expect(await membersSnapshot()).toEqual(before)
  })

  it('needs members:read to read and members:write to change', async () => {
    const { id } = await ourMember()
    const { token: reader } = await createKey(t.database.db, t.demo.organizationId, {
      kind: 'secret',
      name: 'lecture',
      scopes: ['members:read'],
    })
    const { token: other } = await createKey(t.database.db, t.demo.organizationId, {
      kind: 'secret',
      name: 'groupes',
      scopes: ['groups:write'],
    })
    const before = await membersSnapshot()
    for (const [method, path, body] of everyOperation(id)) {
      const denied = await expectProblem(await t.call(method, path, { key: other, body }), 403)
      expect(denied.detail).toContain(method === 'GET' ? 'members:read' : 'members:write')
      const res = await t.call(method, path, { key: reader, body })
      if (method === 'GET') expect(res.status).toBe(200)
      else expect((await expectProblem(res, 403)).detail).toContain('members:write')
    }
    expect(await membersSnapshot()).toEqual(before)
  })

  it("answers 404 to another organization's secret key on the demo's members, changing nothing", async () => {
    const { id } = await ourMember()
    const before = await membersSnapshot()
    for (const [method, path, body] of everyOperation(id)) {
      if (path === '/v1/members') continue
      await expectProblem(await t.call(method, path, { key: t.other.secretKey, body }), 404)
    }
    expect(await membersSnapshot()).toEqual(before)
  })
})
