import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { publicSection } from '../../../test/demo-groups.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { hasControlCharacters } from '../../domain/initiatives/plain-text.js'
import { createKey } from '../../domain/keys/keys.js'
import { releaseSpot } from '../../domain/rsvps/release.js'

interface Placed {
  id: string
  initiative_id: string
  status: string
  spots_left: number | null
  waitlist_position?: number
}
interface Listed {
  id: string
  status: string
  member: { id: string; email: string | null; given_name: string | null }
  created_at: string
}
interface Problem {
  errors?: { path: string }[]
}

let t: TestContext
let participationText: string
let newsText: string
let membershipText: string
let groupId: string
let counter = 0
beforeAll(async () => {
  t = await openTestApp()
  const texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { language: 'fr' })
  const idOf = (purpose: string) => texts.find((text) => text.purpose === purpose)?.id ?? ''
  participationText = idOf('event_participation')
  newsText = idOf('news')
  membershipText = idOf('membership')
  groupId = (await publicSection(t)).id
})
afterAll(() => t.close())

const db = () => t.database.db

async function newInitiative(fields: Record<string, unknown> = {}) {
  const starts = new Date(t.now.getTime() + 5 * 86_400_000)
  const res = await t.call('POST', '/v1/initiatives', {
    key: t.demo.secretKey,
    body: {
      group_id: groupId,
      kind: 'canvassing',
      title: 'Porte-à-porte',
      starts_at: starts.toISOString(),
      ends_at: new Date(starts.getTime() + 7_200_000).toISOString(),
      location: { postcode: '75011' },
      publish: true,
      ...fields,
    },
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

function person(overrides: Record<string, unknown> = {}) {
  counter++
  return {
    email: `participant.${counter}.${Date.now()}@example.org`,
    given_name: 'Camille',
    family_name: `Martin ${counter}`,
    postcode: '75011',
    language: 'fr',
    consents: [{ purpose: 'event_participation', text_id: participationText }],
    ...overrides,
  }
}

const rsvp = (initiativeId: string, body: Record<string, unknown> = person()) =>
  t.call('POST', `/v1/initiatives/${initiativeId}/rsvps`, { body })

const patchRsvp = (rsvpId: string, status: string, key = t.demo.secretKey) =>
  t.call('PATCH', `/v1/rsvps/${rsvpId}`, { key, body: { status } })

async function counts(initiativeId: string) {
  const stored = await db()
    .selectFrom('initiatives')
    .select(['going_count', 'waitlist_count'])
    .where('id', '=', initiativeId)
    .executeTakeFirstOrThrow()
  const rows = await db().selectFrom('rsvps').select('status').where('initiative_id', '=', initiativeId).execute()
  const going = rows.filter((r) => r.status === 'going' || r.status === 'attended').length
  const waitlisted = rows.filter((r) => r.status === 'waitlisted').length
  expect(stored).toEqual({ going_count: going, waitlist_count: waitlisted })
  return { going, waitlisted }
}

async function tableSizes() {
  const size = async (table: 'members' | 'rsvps' | 'consent_records' | 'confirmations') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    members: await size('members'),
    rsvps: await size('rsvps'),
    consents: await size('consent_records'),
    confirmations: await size('confirmations'),
  }
}

describe('POST /v1/initiatives/{initiative_id}/rsvps', () => {
  it('fills the places, then the waitlist, and promotes the first waiting when a place frees up', async () => {
    const id = await newInitiative({ capacity: 2 })
    const answers: Placed[] = []
    for (let i = 0; i < 3; i++) {
      const res = await rsvp(id)
      expect(res.status).toBe(201)
      answers.push((await res.json()) as Placed)
    }
    expect(answers.map((a) => a.status)).toEqual(['going', 'going', 'waitlisted'])
    expect(answers.map((a) => a.spots_left)).toEqual([1, 0, 0])
    expect(answers[2]?.waitlist_position).toBe(1)
    expect(answers[0]?.waitlist_position).toBeUndefined()
    expect(await counts(id)).toEqual({ going: 2, waitlisted: 1 })
    const shown = (await (await t.call('GET', `/v1/initiatives/${id}`)).json()) as Record<string, unknown>
    expect(shown).toMatchObject({ rsvp_count: 2, waitlist_count: 1, spots_left: 0 })

    const cancelled = await patchRsvp(answers[0]?.id ?? '', 'cancelled')
    expect(cancelled.status).toBe(200)
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled' })
    const promoted = await db()
      .selectFrom('rsvps')
      .select('status')
      .where('id', '=', answers[2]?.id ?? '')
      .executeTakeFirstOrThrow()
    expect(promoted.status).toBe('going')
    expect(await counts(id)).toEqual({ going: 2, waitlisted: 0 })
  })

  it('answers the RSVP already held, with 200, without counting it twice', async () => {
    const id = await newInitiative({ capacity: 5 })
    const body = person()
    const first = await rsvp(id, body)
    expect(first.status).toBe(201)
    const again = await rsvp(id, { ...body, email: body.email.toUpperCase(), given_name: 'Autre' })
    expect(again.status).toBe(200)
    const [a, b] = [(await first.json()) as Placed, (await again.json()) as Placed]
    expect(b).toEqual({ ...a, spots_left: 4 })
    expect(await counts(id)).toEqual({ going: 1, waitlisted: 0 })
    const member = await db()
      .selectFrom('members')
      .select(['given_name', 'status'])
      .where('email_normalized', '=', body.email.toLowerCase())
      .executeTakeFirstOrThrow()
    expect(member).toEqual({ given_name: 'Camille', status: 'pending' })
  })

  it('gives exactly the capacity to 50 people registering at once, and queues the others in order', async () => {
    const id = await newInitiative({ capacity: 10 })
    const answers = await Promise.all(Array.from({ length: 50 }, () => rsvp(id)))
    expect(answers.map((res) => res.status)).toEqual(Array(50).fill(201))
    const placed = (await Promise.all(answers.map((res) => res.json()))) as Placed[]
    expect(placed.filter((p) => p.status === 'going')).toHaveLength(10)
    expect(placed.filter((p) => p.status === 'waitlisted')).toHaveLength(40)
    const positions = placed.flatMap((p) => (p.waitlist_position ? [p.waitlist_position] : []))
    expect([...positions].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    expect(await counts(id)).toEqual({ going: 10, waitlisted: 40 })
  })

  it('refuses a full initiative without waitlist, and writes nothing', async () => {
    const id = await newInitiative({ capacity: 1, waitlist_enabled: false })
    expect((await rsvp(id)).status).toBe(201)
    const before = await tableSizes()
    const body = person()
    const res = await rsvp(id, body)
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await tableSizes()).toEqual(before)
    expect(await counts(id)).toEqual({ going: 1, waitlisted: 0 })
  })

  it('answers a robot filling the hidden field like a person, and writes nothing', async () => {
    const id = await newInitiative({ capacity: 3 })
    const before = await tableSizes()
    const res = await rsvp(id, person({ website: 'https://spam.example' }))
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({
      status: 'going',
      initiative_id: id,
      spots_left: 2,
      id: expect.stringMatching(/^rsv_/),
    })
    expect(await tableSizes()).toEqual(before)
    expect(await counts(id)).toEqual({ going: 0, waitlisted: 0 })
  })

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const id = await newInitiative()
    const before = await tableSizes()
    const cases: [Record<string, unknown>, string][] = [
      [
        { consents: [{ purpose: 'event_participation', text_id: 'cst_0000000000000000000000000' }] },
        'consents.0.text_id',
      ],
      [{ consents: [{ purpose: 'event_participation', text_id: membershipText }] }, 'consents.0.text_id'],
      [{ consents: [{ purpose: 'news', text_id: newsText }] }, 'consents'],
      [{ consents: [] }, 'consents'],
      [{ consents: [{ purpose: 'membership', text_id: membershipText }] }, 'consents.0.purpose'],
      [
        {
          consents: [
            { purpose: 'event_participation', text_id: participationText },
            { purpose: 'event_participation', text_id: participationText },
          ],
        },
        'consents',
      ],
      [{ email: 'not-an-email' }, 'email'],
      [{ postcode: '7501' }, 'postcode'],
      [{ given_name: '' }, 'given_name'],
      [{ language: 'de' }, 'language'],
      [{ source_page: 'javascript:alert(1)' }, 'source_page'],
    ]
    for (const [overrides, path] of cases) {
      const res = await rsvp(id, person(overrides))
      expect(res.status, JSON.stringify(overrides)).toBe(400)
      expect(((await res.json()) as Problem).errors?.[0]?.path, JSON.stringify(overrides)).toBe(path)
    }
    expect(await tableSizes()).toEqual(before)
  })

  it('stores the page a form was on without control characters, and refuses NUL outright', async () => {
    const id = await newInitiative()
    const res = await rsvp(id, person({ source_page: 'https://candidat.example.org/agir?x=\u0001' }))
    expect(res.status).toBe(201)
    const placed = (await res.json()) as Placed
    const stored = await db().selectFrom('rsvps').select('source').where('id', '=', placed.id).executeTakeFirstOrThrow()
    expect(stored.source.origin).toMatch(/^https:\/\/candidat\.example\.org\/agir\?x=/)
    expect(hasControlCharacters(stored.source.origin ?? '')).toBe(false)
    const before = await db()
      .selectFrom('rsvps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const nul = await rsvp(id, person({ source_page: 'https://candidat.example.org/agir\u0000' }))
    expect(nul.status).toBe(400)
    const after = await db()
      .selectFrom('rsvps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('refuses drafts (404), cancelled and finished initiatives (409), and other organizations (404)', async () => {
    const draft = await newInitiative({ publish: false })
    const cancelled = await newInitiative()
    await t.call('POST', `/v1/initiatives/${cancelled}/cancel`, { key: t.demo.secretKey })
    const past = await db()
      .selectFrom('initiatives')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('status', '=', 'published')
      .where('ends_at', '<', new Date())
      .executeTakeFirstOrThrow()
    const theirs = await db()
      .selectFrom('initiatives')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .where('status', '=', 'published')
      .where('ends_at', '>', new Date())
      .executeTakeFirstOrThrow()
    const before = await tableSizes()
    expect((await rsvp(draft)).status).toBe(404)
    expect((await rsvp(cancelled)).status).toBe(409)
    expect((await rsvp(past.id)).status).toBe(409)
    expect((await rsvp(theirs.id)).status).toBe(404)
    expect((await rsvp('ini_0000000000000000000000000')).status).toBe(404)
    expect(await tableSizes()).toEqual(before)
  })

  it('records the consent given and a confirmation for the RSVP', async () => {
    const id = await newInitiative()
    const body = person({
      consents: [
        { purpose: 'event_participation', text_id: participationText },
        { purpose: 'news', text_id: newsText },
      ],
    })
    const res = await t.call('POST', `/v1/initiatives/${id}/rsvps`, {
      body,
      headers: { origin: 'https://candidat.example.org', 'relais-widget': 'relais-event' },
    })
    expect(res.status).toBe(201)
    const member = await db()
      .selectFrom('members')
      .select(['id', 'status', 'commune'])
      .where('email_normalized', '=', body.email)
      .executeTakeFirstOrThrow()
    expect(member).toMatchObject({ status: 'pending', commune: 'Paris 11e Arrondissement' })
    const consents = await db()
      .selectFrom('consent_records')
      .select('purpose')
      .where('member_id', '=', member.id)
      .execute()
    expect(consents.map((c) => c.purpose).sort()).toEqual(['event_participation', 'news'])
    const confirmation = await db()
      .selectFrom('confirmations')
      .select(['purpose', 'subject_id'])
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow()
    expect(confirmation).toEqual({ purpose: 'rsvp', subject_id: id })
    const stored = await db()
      .selectFrom('rsvps')
      .select('source')
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow()
    expect(stored.source).toMatchObject({ origin: 'https://candidat.example.org', widget: 'relais-event' })
  })
})

describe('GET /v1/initiatives/{initiative_id}/rsvps', () => {
  it('lists the RSVPs in the order they came, page by page, for members:read', async () => {
    const id = await newInitiative({ capacity: 3 })
    for (let i = 0; i < 7; i++) await rsvp(id)
    const seen: Listed[] = []
    let cursor: string | null = null
    do {
      const res = await t.call('GET', `/v1/initiatives/${id}/rsvps?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        key: t.demo.secretKey,
      })
      expect(res.status).toBe(200)
      const page = (await res.json()) as { data: Listed[]; next_cursor: string | null }
      seen.push(...page.data)
      cursor = page.next_cursor
    } while (cursor)
    expect(seen).toHaveLength(7)
    expect(new Set(seen.map((r) => r.id)).size).toBe(7)
    expect(seen.map((r) => r.created_at)).toEqual([...seen.map((r) => r.created_at)].sort())
    expect(seen[0]?.member.email).toMatch(/@example\.org$/)
    const waiting = (await (
      await t.call('GET', `/v1/initiatives/${id}/rsvps?status=waitlisted`, { key: t.demo.secretKey })
    ).json()) as { data: Listed[] }
    expect(waiting.data.map((r) => r.id)).toEqual(seen.slice(3).map((r) => r.id))
  })

  it('needs a secret key with members:read, and hides other organizations', async () => {
    const id = await newInitiative()
    const writer = await createKey(db(), t.demo.organizationId, {
      kind: 'secret',
      name: 'w',
      scopes: ['initiatives:write'],
    })
    expect((await t.call('GET', `/v1/initiatives/${id}/rsvps`)).status).toBe(403)
    expect((await t.call('GET', `/v1/initiatives/${id}/rsvps`, { key: writer.token })).status).toBe(403)
    expect((await t.call('GET', `/v1/initiatives/${id}/rsvps`, { key: t.other.secretKey })).status).toBe(404)
  })
})

describe('PATCH /v1/rsvps/{rsvp_id}', () => {
  it('marks attendance only for people going, and keeps the counts exact', async () => {
    const id = await newInitiative({ capacity: 1 })
    const going = (await (await rsvp(id)).json()) as Placed
    const waiting = (await (await rsvp(id)).json()) as Placed
    const refused = await patchRsvp(waiting.id, 'attended')
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as Problem).errors?.[0]?.path).toBe('status')
    expect(await (await patchRsvp(going.id, 'attended')).json()).toMatchObject({ status: 'attended' })
    expect(await counts(id)).toEqual({ going: 1, waitlisted: 1 })
    expect((await patchRsvp(going.id, 'cancelled')).status).toBe(409)
    expect(await (await patchRsvp(going.id, 'going')).json()).toMatchObject({ status: 'going' })
    expect((await patchRsvp(waiting.id, 'going')).status).toBe(409)
    expect(await (await patchRsvp(waiting.id, 'cancelled')).json()).toMatchObject({ status: 'cancelled' })
    expect(await counts(id)).toEqual({ going: 1, waitlisted: 0 })
    expect((await patchRsvp(waiting.id, 'going')).status).toBe(409)
    expect(await (await patchRsvp(waiting.id, 'waitlisted')).json()).toMatchObject({ status: 'waitlisted' })
    expect(await counts(id)).toEqual({ going: 1, waitlisted: 1 })
  })

  it('needs initiatives:write, and answers 404 across organizations', async () => {
    const id = await newInitiative()
    const placed = (await (await rsvp(id)).json()) as Placed
    expect((await patchRsvp(placed.id, 'cancelled', t.demo.publishableKey)).status).toBe(403)
    expect((await patchRsvp(placed.id, 'cancelled', t.other.secretKey)).status).toBe(404)
    expect((await patchRsvp('rsv_0000000000000000000000000', 'cancelled')).status).toBe(404)
    const bad = await t.call('PATCH', `/v1/rsvps/${placed.id}`, { key: t.demo.secretKey, body: { status: 'maybe' } })
    expect(((await bad.json()) as Problem).errors?.[0]?.path).toBe('status')
    expect(await counts(id)).toEqual({ going: 1, waitlisted: 0 })
  })
})

describe('freeing places', () => {
  it('gives new places to the waitlist in order when the capacity is raised', async () => {
    const id = await newInitiative({ capacity: 1 })
    const placed: Placed[] = []
    for (let i = 0; i < 4; i++) placed.push((await (await rsvp(id)).json()) as Placed)
    const res = await t.call('PATCH', `/v1/initiatives/${id}`, { key: t.demo.secretKey, body: { capacity: 3 } })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ rsvp_count: 3, waitlist_count: 1, spots_left: 0 })
    const statuses = await db().selectFrom('rsvps').select(['id', 'status']).where('initiative_id', '=', id).execute()
    const statusOf = (rsvpId: string | undefined) => statuses.find((s) => s.id === rsvpId)?.status
    expect(placed.map((p) => statusOf(p.id))).toEqual(['going', 'going', 'going', 'waitlisted'])
    const unlimited = await t.call('PATCH', `/v1/initiatives/${id}`, {
      key: t.demo.secretKey,
      body: { capacity: null },
    })
    expect(await unlimited.json()).toMatchObject({ rsvp_count: 4, waitlist_count: 0, spots_left: null })
  })

  it('lets another part of the code release a place with releaseSpot, in its own transaction', async () => {
    const id = await newInitiative({ capacity: 1 })
    const going = (await (await rsvp(id)).json()) as Placed
    const waiting = (await (await rsvp(id)).json()) as Placed
    const release = await db()
      .transaction()
      .execute(async (trx) => {
        await trx.deleteFrom('rsvps').where('id', '=', going.id).execute()
        return releaseSpot(trx, t.demo.organizationId, id)
      })
    expect(release.promoted).toEqual([waiting.id])
    expect(await counts(id)).toEqual({ going: 1, waitlisted: 0 })
  })
})
