import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { publicSection } from '../../../test/demo-groups.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { sha256Hex } from '../../domain/hashing.js'
import { newId } from '../../domain/ids.js'
import { hasControlCharacters } from '../../domain/initiatives/plain-text.js'
import { createKey } from '../../domain/keys/keys.js'
import { reissueConfirmation } from '../../domain/members/reissue-confirmation.js'
import { applyRetention } from '../../domain/retention/apply.js'
import { daysOf, retentionPolicyOf } from '../../domain/retention/policy.js'
import { lapseRsvpRequests } from '../../domain/rsvps/lapse.js'
import { releaseSpot } from '../../domain/rsvps/release.js'

interface Placed {
  id: string
  initiative_id: string
  status: string
  spots_left: number | null
  waitlist_position?: number
}
interface Confirmed {
  status: string
  purpose: string
  rsvp?: { initiative_id: string; status: string; waitlist_position?: number }
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
let activeEmails: string[]
let counter = 0
beforeAll(async () => {
  t = await openTestApp()
  const texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { language: 'fr' })
  const idOf = (purpose: string) => texts.find((text) => text.purpose === purpose)?.id ?? ''
  participationText = idOf('event_participation')
  newsText = idOf('news')
  membershipText = idOf('membership')
  groupId = (await publicSection(t)).id
  const members = await t.database.db
    .selectFrom('members')
    .select('email')
    .where('organization_id', '=', t.demo.organizationId)
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(3)
    .execute()
  activeEmails = members.map((member) => member.email ?? '')
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

/** A public form's RSVP, with the publishable key. */
const rsvp = (initiativeId: string, body: Record<string, unknown> = person()) =>
  t.call('POST', `/v1/initiatives/${initiativeId}/rsvps`, { body })

/** The organization's own server registers someone, with its secret key. */
const register = (initiativeId: string, body: Record<string, unknown> = person()) =>
  t.call('POST', `/v1/initiatives/${initiativeId}/rsvps`, { body, key: t.demo.secretKey })

const patchRsvp = (rsvpId: string, status: string, key = t.demo.secretKey) =>
  t.call('PATCH', `/v1/rsvps/${rsvpId}`, { key, body: { status } })

const handedOut = new Set<string>()

/**
 * The link of the newest RSVP e-mail not yet followed for this address and initiative, as the
 * e-mail job writes it: the stored token given a fresh value (`reissueConfirmation`).
 */
async function linkOf(email: string, initiativeId: string): Promise<string> {
  const row = await db()
    .selectFrom('confirmations')
    .innerJoin('members', (join) =>
      join
        .onRef('members.organization_id', '=', 'confirmations.organization_id')
        .onRef('members.id', '=', 'confirmations.member_id'),
    )
    .select('confirmations.token_hash')
    .where('members.email_normalized', '=', email.toLowerCase())
    .where('confirmations.subject_id', '=', initiativeId)
    .where('confirmations.used_at', 'is', null)
    .$if(handedOut.size > 0, (qb) => qb.where('confirmations.token_hash', 'not in', [...handedOut]))
    .orderBy('confirmations.created_at', 'desc')
    .executeTakeFirstOrThrow()
  const reissued = await db()
    .transaction()
    .execute((trx) => reissueConfirmation(trx, t.demo.organizationId, row.token_hash))
  const token = reissued?.token ?? ''
  handedOut.add(sha256Hex(token))
  return token
}

/** The person follows the link: `POST /v1/confirmations`, as the confirmation page does. */
async function confirm(token: string): Promise<Confirmed> {
  const res = await t.call('POST', '/v1/confirmations', { body: { token } })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Confirmed
}

/** A public RSVP, then the link of its e-mail followed: what the confirmation answered about the place. */
async function requestAndConfirm(initiativeId: string, body = person()) {
  expect((await rsvp(initiativeId, body)).status).toBe(202)
  return (await confirm(await linkOf(body.email, initiativeId))).rsvp
}

async function rsvpOf(email: string, initiativeId: string) {
  return db()
    .selectFrom('rsvps')
    .innerJoin('members', (join) =>
      join.onRef('members.organization_id', '=', 'rsvps.organization_id').onRef('members.id', '=', 'rsvps.member_id'),
    )
    .selectAll('rsvps')
    .where('members.email_normalized', '=', email.toLowerCase())
    .where('rsvps.initiative_id', '=', initiativeId)
    .executeTakeFirst()
}

async function memberStatus(email: string) {
  const member = await db()
    .selectFrom('members')
    .select('status')
    .where('organization_id', '=', t.demo.organizationId)
    .where('email_normalized', '=', email.toLowerCase())
    .executeTakeFirstOrThrow()
  return member.status
}

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

/** Everything the public, the organizers and the webhooks can see move when a place is taken. */
async function publicTraces(initiativeId: string) {
  const shown = await t.call('GET', `/v1/initiatives/${initiativeId}`)
  const stats = await t.call('GET', `/v1/stats?initiative=${initiativeId}`)
  const listed = await t.call('GET', `/v1/initiatives/${initiativeId}/rsvps?limit=100`, { key: t.demo.secretKey })
  const deliveries = await db()
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', t.demo.organizationId)
    .where('event_type', '=', 'rsvp.created')
    .executeTakeFirstOrThrow()
  return {
    initiative: { etag: shown.headers.get('etag'), body: await shown.text() },
    stats: await stats.text(),
    rsvps: await listed.text(),
    rsvpCreatedWebhooks: Number(deliveries.n),
  }
}

/** The template of the last e-mail job enqueued for the person with this address. */
async function lastEmailTo(email: string) {
  const member = await db()
    .selectFrom('members')
    .select('id')
    .where('organization_id', '=', t.demo.organizationId)
    .where('email_normalized', '=', email.toLowerCase())
    .executeTakeFirstOrThrow()
  const { rows } = await sql<{ template: string }>`
    select data->>'template' as template from pgboss.job
    where name = 'send-email' and data->>'memberId' = ${member.id}
    order by created_on desc limit 1`.execute(db())
  return rows[0]?.template
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

describe('POST /v1/initiatives/{initiative_id}/rsvps from a public form', () => {
  it('answers every address alike, byte for byte, and moves nothing before the e-mail link is followed', async () => {
    const id = await newInitiative({ capacity: 3 })
    // A receiver of rsvp.created: a delivery would be written with the RSVP.
    await db()
      .insertInto('webhook_endpoints')
      .values({
        organization_id: t.demo.organizationId,
        id: newId('whe'),
        url: 'https://crm.example.org/relais',
        event_types: ['rsvp.created'],
        secret: 'whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0dGVzdA',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute()
    const going = person()
    expect((await register(id, going)).status).toBe(201)
    const cancelled = person()
    const dropped = (await (await register(id, cancelled)).json()) as Placed
    expect((await patchRsvp(dropped.id, 'cancelled')).status).toBe(200)
    const pending = person()
    expect((await rsvp(id, pending)).status).toBe(202)
    const before = await publicTraces(id)
    const sizes = await tableSizes()

    const cases: [string, Record<string, unknown>, string][] = [
      ['new address', person(), 'rsvp-request'],
      ['active member', person({ email: activeEmails[0] }), 'rsvp-request'],
      ['request waiting for its link', pending, 'rsvp-request'],
      [
        'already going, other case and name',
        { ...going, email: going.email.toUpperCase(), given_name: 'Autre' },
        'already-registered',
      ],
      ['cancelled before', cancelled, 'rsvp-request'],
    ]
    const answers = []
    for (const [, body] of cases) {
      const res = await rsvp(id, body)
      answers.push({ status: res.status, headers: [...res.headers.entries()], body: await res.text() })
    }
    for (const [index, answer] of answers.entries()) expect(answer, cases[index]?.[0]).toEqual(answers[0])
    expect(answers[0]?.status).toBe(202)
    expect(JSON.parse(answers[0]?.body ?? '')).toEqual({
      status: 'pending_confirmation',
      initiative_id: id,
      message_fr: expect.stringContaining('confirmer votre place'),
      message_en: expect.stringContaining('confirm your place'),
    })
    // Nothing that could date or name a row: no ETag, no Location, no RSVP id.
    const headers = new Map(answers[0]?.headers)
    expect(headers.get('cache-control')).toBe('no-store')
    for (const name of ['etag', 'location', 'last-modified']) expect(headers.has(name), name).toBe(false)

    // Counts, places left, ETag, statistics, the organizers' list and the webhooks: all as before.
    expect(await publicTraces(id)).toEqual(before)
    expect(await counts(id)).toEqual({ going: 1, waitlisted: 0 })
    // Each request records what the person gave, whoever they are (a pending member for a new address).
    expect((await tableSizes()).confirmations).toBe(sizes.confirmations + cases.length)
    // Only the e-mail, read by the owner of the address alone, says which case it was.
    for (const [what, body, template] of cases) expect(await lastEmailTo(String(body.email)), what).toBe(template)
    expect(await memberStatus(going.email)).toBe('pending')
    const kept = await db()
      .selectFrom('members')
      .select('given_name')
      .where('email_normalized', '=', going.email)
      .executeTakeFirstOrThrow()
    expect(kept.given_name).toBe('Camille')
  })

  it('gives places in the order links are followed, then the waitlist, and promotes it when a place frees up', async () => {
    const id = await newInitiative({ capacity: 2 })
    const people = [person(), person(), person()]
    for (const body of people) expect((await rsvp(id, body)).status).toBe(202)
    const links = []
    for (const body of people) links.push(await linkOf(body.email, id))
    const third = await confirm(links[2] ?? '')
    const first = await confirm(links[0] ?? '')
    const second = await confirm(links[1] ?? '')
    expect([third, first, second].map((answer) => answer.rsvp)).toEqual([
      { initiative_id: id, status: 'going' },
      { initiative_id: id, status: 'going' },
      { initiative_id: id, status: 'waitlisted', waitlist_position: 1 },
    ])
    expect(third).toMatchObject({ status: 'confirmed', purpose: 'rsvp' })
    expect(await counts(id)).toEqual({ going: 2, waitlisted: 1 })
    const shown = (await (await t.call('GET', `/v1/initiatives/${id}`)).json()) as Record<string, unknown>
    expect(shown).toMatchObject({ rsvp_count: 2, waitlist_count: 1, spots_left: 0 })
    for (const body of people) expect(await memberStatus(body.email)).toBe('active')

    const firstPlace = await rsvpOf(people[0]?.email ?? '', id)
    expect((await patchRsvp(firstPlace?.id ?? '', 'cancelled')).status).toBe(200)
    expect((await rsvpOf(people[1]?.email ?? '', id))?.status).toBe('going')
    expect(await counts(id)).toEqual({ going: 2, waitlisted: 0 })
  })

  it('gives no second place: a second link, or a request from an address already going, finds the place held', async () => {
    const id = await newInitiative({ capacity: 5 })
    const body = person()
    expect((await rsvp(id, body)).status).toBe(202)
    const firstLink = await linkOf(body.email, id)
    expect((await rsvp(id, body)).status).toBe(202)
    const secondLink = await linkOf(body.email, id)
    expect((await confirm(firstLink)).rsvp).toEqual({ initiative_id: id, status: 'going' })
    expect((await confirm(secondLink)).rsvp).toEqual({ initiative_id: id, status: 'going' })
    expect(await counts(id)).toEqual({ going: 1, waitlisted: 0 })

    expect((await rsvp(id, { ...body, email: body.email.toUpperCase(), given_name: 'Autre' })).status).toBe(202)
    expect(await lastEmailTo(body.email)).toBe('already-registered')
    expect((await confirm(await linkOf(body.email, id))).rsvp).toEqual({ initiative_id: id, status: 'going' })
    expect(await counts(id)).toEqual({ going: 1, waitlisted: 0 })
  })

  it('gives exactly the capacity to 50 people following their links at once, and queues the others in order', async () => {
    const id = await newInitiative({ capacity: 10 })
    const people = Array.from({ length: 50 }, () => person())
    const requests = await Promise.all(people.map((body) => rsvp(id, body)))
    expect(requests.map((res) => res.status)).toEqual(Array(50).fill(202))
    expect(await counts(id)).toEqual({ going: 0, waitlisted: 0 })
    const links: string[] = []
    for (const body of people) links.push(await linkOf(body.email, id))
    const answers = await Promise.all(links.map(confirm))
    const places = answers.map((answer) => answer.rsvp)
    expect(places.filter((place) => place?.status === 'going')).toHaveLength(10)
    expect(places.filter((place) => place?.status === 'waitlisted')).toHaveLength(40)
    const positions = places.flatMap((place) => (place?.waitlist_position ? [place.waitlist_position] : []))
    expect([...positions].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    expect(await counts(id)).toEqual({ going: 10, waitlisted: 40 })
  })

  it('says why no place was given when the initiative filled up, was cancelled or is over meanwhile', async () => {
    const full = await newInitiative({ capacity: 1, waitlist_enabled: false })
    const late = person()
    expect((await rsvp(full, late)).status).toBe(202)
    expect((await register(full)).status).toBe(201)
    expect((await confirm(await linkOf(late.email, full))).rsvp).toEqual({ initiative_id: full, status: 'full' })
    expect(await rsvpOf(late.email, full)).toBeUndefined()
    expect(await counts(full)).toEqual({ going: 1, waitlisted: 0 })
    // The address is confirmed all the same.
    expect(await memberStatus(late.email)).toBe('active')

    const cancelled = await newInitiative()
    const body = person()
    expect((await rsvp(cancelled, body)).status).toBe(202)
    expect((await t.call('POST', `/v1/initiatives/${cancelled}/cancel`, { key: t.demo.secretKey })).status).toBe(200)
    expect((await confirm(await linkOf(body.email, cancelled))).rsvp).toEqual({
      initiative_id: cancelled,
      status: 'cancelled',
    })

    const over = await newInitiative()
    const other = person()
    expect((await rsvp(over, other)).status).toBe(202)
    await db()
      .updateTable('initiatives')
      .set({ starts_at: new Date(Date.now() - 7_200_000), ends_at: new Date(Date.now() - 3_600_000) })
      .where('id', '=', over)
      .execute()
    expect((await confirm(await linkOf(other.email, over))).rsvp).toEqual({ initiative_id: over, status: 'over' })
    expect(await counts(over)).toEqual({ going: 0, waitlisted: 0 })
  })

  it('refuses a full initiative without waitlist, and writes nothing', async () => {
    const id = await newInitiative({ capacity: 1, waitlist_enabled: false })
    expect((await register(id)).status).toBe(201)
    const before = await tableSizes()
    const res = await rsvp(id, person())
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await tableSizes()).toEqual(before)
    expect(await counts(id)).toEqual({ going: 1, waitlisted: 0 })
  })

  it('answers a robot filling the hidden field like a person, and writes nothing', async () => {
    const id = await newInitiative({ capacity: 3 })
    const human = await (await rsvp(id)).text()
    const before = await tableSizes()
    const res = await rsvp(id, person({ website: 'https://spam.example' }))
    expect(res.status).toBe(202)
    expect(await res.text()).toBe(human)
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
    const body = person({ source_page: 'https://candidat.example.org/agir?x=\u0001' })
    expect((await requestAndConfirm(id, body))?.status).toBe('going')
    const stored = await rsvpOf(body.email, id)
    expect(stored?.source.origin).toMatch(/^https:\/\/candidat\.example\.org\/agir\?x=/)
    expect(hasControlCharacters(stored?.source.origin ?? '')).toBe(false)
    const before = await tableSizes()
    const nul = await rsvp(id, person({ source_page: 'https://candidat.example.org/agir\u0000' }))
    expect(nul.status).toBe(400)
    expect(await tableSizes()).toEqual(before)
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

  it('records the consents and the request, then the place with the page and widget it came from', async () => {
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
    expect(res.status).toBe(202)
    const member = await db()
      .selectFrom('members')
      .select(['id', 'status', 'commune'])
      .where('email_normalized', '=', body.email)
      .executeTakeFirstOrThrow()
    expect(member).toMatchObject({ status: 'pending', commune: 'Paris 11e Arrondissement' })
    const consents = () =>
      db()
        .selectFrom('consent_records')
        .select(['purpose', 'confirmed_at'])
        .where('member_id', '=', member.id)
        .execute()
    expect((await consents()).map((c) => c.purpose).sort()).toEqual(['event_participation', 'news'])
    const confirmation = await db()
      .selectFrom('confirmations')
      .select(['purpose', 'subject_id', 'rsvp_request', 'expires_at'])
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow()
    expect(confirmation).toMatchObject({
      purpose: 'rsvp',
      subject_id: id,
      rsvp_request: { source: { origin: 'https://candidat.example.org', widget: 'relais-event' }, language: 'fr' },
    })
    // The link serves no longer than the initiative takes RSVPs.
    const initiative = await db()
      .selectFrom('initiatives')
      .select('ends_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(confirmation.expires_at.getTime()).toBeLessThanOrEqual(initiative.ends_at.getTime())
    expect(await rsvpOf(body.email, id)).toBeUndefined()

    await confirm(await linkOf(body.email, id))
    expect((await rsvpOf(body.email, id))?.source).toMatchObject({
      origin: 'https://candidat.example.org',
      widget: 'relais-event',
    })
    expect((await consents()).every((c) => c.confirmed_at instanceof Date)).toBe(true)
  })
})

describe('POST /v1/initiatives/{initiative_id}/rsvps from the organization’s server', () => {
  it('gives the place at once, and answers the RSVP already held with 200 without counting twice', async () => {
    const id = await newInitiative({ capacity: 2 })
    const answers: Placed[] = []
    for (let i = 0; i < 3; i++) {
      const res = await register(id)
      expect(res.status).toBe(201)
      answers.push((await res.json()) as Placed)
    }
    expect(answers.map((a) => a.status)).toEqual(['going', 'going', 'waitlisted'])
    expect(answers.map((a) => a.spots_left)).toEqual([1, 0, 0])
    expect(answers[2]?.waitlist_position).toBe(1)
    expect(answers[0]?.waitlist_position).toBeUndefined()
    expect(await counts(id)).toEqual({ going: 2, waitlisted: 1 })

    const body = person()
    const other = await newInitiative({ capacity: 5 })
    const first = await register(other, body)
    expect(first.status).toBe(201)
    const again = await register(other, { ...body, email: body.email.toUpperCase(), given_name: 'Autre' })
    expect(again.status).toBe(200)
    const [a, b] = [(await first.json()) as Placed, (await again.json()) as Placed]
    expect(b).toEqual({ ...a, spots_left: 4 })
    expect(await counts(other)).toEqual({ going: 1, waitlisted: 0 })
    expect(await memberStatus(body.email)).toBe('pending')
  })
})

describe('GET /v1/initiatives/{initiative_id}/rsvps', () => {
  it('lists the RSVPs in the order they came, page by page, for members:read', async () => {
    const id = await newInitiative({ capacity: 3 })
    for (let i = 0; i < 7; i++) await register(id)
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
    const going = (await (await register(id)).json()) as Placed
    const waiting = (await (await register(id)).json()) as Placed
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
    const placed = (await (await register(id)).json()) as Placed
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
    for (let i = 0; i < 4; i++) placed.push((await (await register(id)).json()) as Placed)
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
    const going = (await (await register(id)).json()) as Placed
    const waiting = (await (await register(id)).json()) as Placed
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

describe('RSVP requests never confirmed', () => {
  it('lapse with the retention of unconfirmed sign-ups, or once their initiative is cancelled or over', async () => {
    const live = await newInitiative()
    const cancelled = await newInitiative()
    const email = activeEmails[1] ?? ''
    for (const id of [live, cancelled]) expect((await rsvp(id, person({ email }))).status).toBe(202)
    const [liveLink, cancelledLink] = [await linkOf(email, live), await linkOf(email, cancelled)]
    expect((await t.call('POST', `/v1/initiatives/${cancelled}/cancel`, { key: t.demo.secretKey })).status).toBe(200)
    const requests = () =>
      db()
        .selectFrom('confirmations')
        .select(['token_hash', 'subject_id', 'rsvp_request'])
        .where('token_hash', 'in', [sha256Hex(liveLink), sha256Hex(cancelledLink)])
        .execute()

    const policy = daysOf(await retentionPolicyOf(db(), t.demo.organizationId))
    const removed = await applyRetention(db(), t.demo.organizationId, policy)
    expect(removed.unconfirmed_signups).toBeGreaterThanOrEqual(1)
    const lapsed = (await requests()).find((row) => row.token_hash === sha256Hex(cancelledLink))
    expect(lapsed).toMatchObject({ subject_id: null, rsvp_request: null })
    const waiting = (await requests()).find((row) => row.token_hash === sha256Hex(liveLink))
    expect(waiting).toMatchObject({ subject_id: live, rsvp_request: { language: 'fr' } })
    expect((await t.call('POST', '/v1/confirmations', { body: { token: cancelledLink } })).status).toBe(400)

    // A week on, the link has expired: the request lapses too, and names the initiative no more.
    const weekOn = new Date(Date.now() + 8 * 86_400_000)
    expect(await lapseRsvpRequests(db(), t.demo.organizationId, new Date(0), weekOn)).toBeGreaterThanOrEqual(1)
    expect((await requests()).every((row) => row.subject_id === null && row.rsvp_request === null)).toBe(true)
  })
})
