import ICAL from 'ical.js'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../test/app.js'
import { publicSection } from '../../test/demo-groups.js'
import { currentConsentTexts } from '../domain/consent/texts.js'
import { mailTo, startTestWorker, type TestWorker } from '../jobs/test-worker.js'

let t: TestContext
let worker: TestWorker
let participationText: string
let groupId: string
beforeAll(async () => {
  t = await openTestApp()
  worker = await startTestWorker(t.database)
  const [text] = await currentConsentTexts(t.database.db, t.demo.organizationId, {
    purpose: 'event_participation',
    language: 'fr',
  })
  participationText = text?.id ?? ''
  groupId = (await publicSection(t)).id
})
afterAll(async () => {
  await worker.stop()
  await t.close()
})

const db = () => t.database.db
const starts = () => new Date(Math.ceil((t.now.getTime() + 6 * 86_400_000) / 3_600_000) * 3_600_000)

async function newInitiative(fields: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/v1/initiatives', {
    key: t.demo.secretKey,
    body: {
      group_id: groupId,
      kind: 'meeting',
      title: 'Réunion publique sur les transports',
      starts_at: starts().toISOString(),
      ends_at: new Date(starts().getTime() + 7_200_000).toISOString(),
      location: { name: 'Salle Olympe de Gouges', address: '15 rue Merlin', postcode: '75011', hide_address: true },
      publish: true,
      ...fields,
    },
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

const rsvp = (initiativeId: string, email: string, { key, language }: { key?: string; language?: string } = {}) =>
  t.call('POST', `/v1/initiatives/${initiativeId}/rsvps`, {
    ...(key ? { key } : {}),
    body: {
      email,
      given_name: 'Sacha',
      family_name: 'Agenda',
      postcode: '75011',
      ...(language ? { language } : {}),
      consents: [{ purpose: 'event_participation', text_id: participationText }],
    },
  })

const followLink = (token: string | undefined) =>
  t.call('POST', '/confirm', {
    key: null,
    body: new URLSearchParams({ token: token ?? '' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })

async function placeOf(initiativeId: string, email: string) {
  const row = await db()
    .selectFrom('rsvps')
    .innerJoin('members', (join) =>
      join.onRef('members.organization_id', '=', 'rsvps.organization_id').onRef('members.id', '=', 'rsvps.member_id'),
    )
    .select('rsvps.status')
    .where('rsvps.initiative_id', '=', initiativeId)
    .where('members.email_normalized', '=', email)
    .executeTakeFirst()
  return row?.status
}

function calendarOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  const event = calendar.getFirstSubcomponent('vevent')
  if (!event) throw new Error('no VEVENT')
  return { calendar, event }
}

const confirmLink = (text: string) => text.match(/http:\/\/relais\.test\/confirm\?token=([0-9a-z]+)/)?.[1]

describe('RSVP e-mails', () => {
  it('ask a public form’s address to confirm, then give the place with the details and the ICS', async () => {
    const initiativeId = await newInitiative({ capacity: 1 })
    const email = 'sacha.agenda@example.org'
    const res = await rsvp(initiativeId, email)
    expect(res.status).toBe(202)

    const request = await mailTo(db(), email)
    expect(request.template).toBe('rsvp-request')
    expect(request.subject).toBe('Confirmez votre inscription : Réunion publique sur les transports')
    expect(request.text_body).toContain('Aucune place n’est réservée tant que vous n’avez pas confirmé')
    expect(request.text_body).toMatch(/Quand\u00a0: \S+ \d{1,2} \S+ \d{4}/)
    expect(request.text_body).toMatch(/Ce lien ne sert qu’une fois, pendant \d jours au plus\./)
    expect(request.text_body).toContain('les informations données sont effacées d’ici 14 jours')
    // No place yet: the address stays hidden, and there is no invitation to add to a calendar.
    expect(request.text_body).not.toContain('15 rue Merlin')
    expect(request.attachments).toEqual([])
    expect(await placeOf(initiativeId, email)).toBeUndefined()

    const done = await followLink(confirmLink(request.text_body))
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('Votre place à « Réunion publique sur les transports » est réservée.')
    const member = await db()
      .selectFrom('members')
      .select(['id', 'status'])
      .where('organization_id', '=', t.demo.organizationId)
      .where('email_normalized', '=', email)
      .executeTakeFirstOrThrow()
    expect(member.status).toBe('active')
    expect(await placeOf(initiativeId, email)).toBe('going')

    const mail = await mailTo(db(), email, 'rsvp-confirmation')
    expect(mail.subject).toBe('Votre participation : Réunion publique sur les transports')
    expect(mail.text_body).toContain('Votre participation à « Réunion publique sur les transports » est enregistrée.')
    expect(confirmLink(mail.text_body)).toBeUndefined()
    // A participant learns the address kept from the public.
    expect(mail.text_body).toContain('Salle Olympe de Gouges, 15 rue Merlin, 75011')
    const parsed = await simpleParser(mail.raw)
    const attachment = parsed.attachments.find((part) => part.filename === `${initiativeId}.ics`)
    expect(attachment?.contentType).toBe('text/calendar')
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/)
    const { calendar, event } = calendarOf(attachment?.content.toString('utf8') ?? '')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(event.getFirstPropertyValue('uid')).toBe(`${initiativeId}@relais`)
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time
    expect(start.toJSDate().toISOString()).toBe(starts().toISOString())
    expect(event.getFirstPropertyValue('location')).toContain('15 rue Merlin')

    // Full now: the next person waits, and is not given the address.
    const waiting = 'en.attente@example.org'
    expect((await rsvp(initiativeId, waiting)).status).toBe(202)
    const queued = await followLink(confirmLink((await mailTo(db(), waiting, 'rsvp-request')).text_body))
    expect(await queued.text()).toContain('vous êtes sur la liste d’attente, en position 1')
    const waitMail = await mailTo(db(), waiting, 'rsvp-confirmation')
    expect(waitMail.subject).toBe('Liste d’attente : Réunion publique sur les transports')
    expect(waitMail.text_body).toContain('liste d’attente (position 1)')
    expect(waitMail.text_body).not.toContain('15 rue Merlin')
    const waitIcs = (await simpleParser(waitMail.raw)).attachments[0]?.content.toString('utf8') ?? ''
    expect(calendarOf(waitIcs).event.getFirstPropertyValue('uid')).toBe(`${initiativeId}@relais`)
    expect(waitIcs).not.toContain('15 rue Merlin')
  })

  it('tell an address already registered that it holds its place, instead of a second one', async () => {
    const initiativeId = await newInitiative({ capacity: 5 })
    const email = 'deja.inscrit@example.org'
    await rsvp(initiativeId, email)
    await followLink(confirmLink((await mailTo(db(), email, 'rsvp-request')).text_body))
    await mailTo(db(), email, 'rsvp-confirmation')

    expect((await rsvp(initiativeId, email)).status).toBe(202)
    const mail = await mailTo(db(), email, 'already-registered')
    expect(mail.subject).toBe('Vous êtes déjà inscrit·e : Réunion publique sur les transports')
    expect(mail.text_body).toContain('vous y êtes déjà inscrit·e, votre place reste la même.')
    expect(mail.text_body).toContain('Si ce n’était pas vous, ignorez ce message')
    // Its details, as a participant sees them, and the invitation again; no link: the address is confirmed.
    expect(mail.text_body).toContain('15 rue Merlin')
    expect((await simpleParser(mail.raw)).attachments[0]?.filename).toBe(`${initiativeId}.ics`)
    expect(confirmLink(mail.text_body)).toBeUndefined()
    const stored = await db()
      .selectFrom('initiatives')
      .select('going_count')
      .where('id', '=', initiativeId)
      .executeTakeFirstOrThrow()
    expect(stored.going_count).toBe(1)
  })

  it('speak English to a form filled in English, from the request to the place', async () => {
    const initiativeId = await newInitiative({ title: 'Public meeting on transport' })
    const email = 'english.speaker@example.org'
    expect((await rsvp(initiativeId, email, { language: 'en' })).status).toBe(202)
    const request = await mailTo(db(), email, 'rsvp-request')
    expect(request.subject).toBe('Confirm your registration: Public meeting on transport')
    expect(request.text_body).toContain('No place is held until you confirm')
    const done = await followLink(confirmLink(request.text_body))
    expect(await done.text()).toContain('Your place at “Public meeting on transport” is booked.')
    expect((await mailTo(db(), email, 'rsvp-confirmation')).subject).toBe('You are going: Public meeting on transport')
  })

  it('from the organization’s server, give the place at once, with the link only while the address is unconfirmed', async () => {
    const first = await newInitiative()
    const email = 'membre.confirme@example.org'
    expect((await rsvp(first, email, { key: t.demo.secretKey })).status).toBe(201)
    const placed = await mailTo(db(), email, 'rsvp-confirmation')
    expect(placed.subject).toBe('Confirmez votre participation : Réunion publique sur les transports')
    expect((await followLink(confirmLink(placed.text_body))).status).toBe(200)

    const second = await newInitiative({ title: 'Tractage au marché', kind: 'leafleting' })
    expect((await rsvp(second, email, { key: t.demo.secretKey })).status).toBe(201)
    const mail = await eventuallyMail(email, 'Tractage au marché')
    expect(mail.subject).toBe('Votre participation : Tractage au marché')
    expect(confirmLink(mail.text_body)).toBeUndefined()
    expect(mail.text_body).toMatch(/http:\/\/relais\.test\/unsubscribe\?token=/)
  })
})

async function eventuallyMail(email: string, title: string) {
  for (let i = 0; i < 100; i++) {
    const mail = await mailTo(db(), email)
    if (mail.subject.includes(title)) return mail
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no message about ${title}`)
}
