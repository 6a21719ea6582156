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

const rsvp = (initiativeId: string, email: string) =>
  t.call('POST', `/v1/initiatives/${initiativeId}/rsvps`, {
    body: {
      email,
      given_name: 'Sacha',
      family_name: 'Agenda',
      postcode: '75011',
      consents: [{ purpose: 'event_participation', text_id: participationText }],
    },
  })

function calendarOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  const event = calendar.getFirstSubcomponent('vevent')
  if (!event) throw new Error('no VEVENT')
  return { calendar, event }
}

const confirmLink = (text: string) => text.match(/http:\/\/relais\.test\/confirm\?token=([0-9a-z]+)/)?.[1]

describe('RSVP e-mails', () => {
  it('confirm a new person’s place with the details and the ICS, and ask them to confirm their address', async () => {
    const initiativeId = await newInitiative({ capacity: 1 })
    const email = 'sacha.agenda@example.org'
    const res = await rsvp(initiativeId, email)
    expect(res.status).toBe(201)
    // The API answer is the one it always was: the e-mail changes nothing there.
    expect(Object.keys((await res.json()) as object).sort()).toEqual(['id', 'initiative_id', 'spots_left', 'status'])

    const mail = await mailTo(db(), email)
    expect(mail.template).toBe('rsvp-confirmation')
    expect(mail.subject).toBe('Confirmez votre participation : Réunion publique sur les transports')
    expect(mail.text_body).toContain('Votre participation à « Réunion publique sur les transports » est enregistrée.')
    // A participant learns the address kept from the public.
    expect(mail.text_body).toContain('Salle Olympe de Gouges, 15 rue Merlin, 75011')
    expect(mail.text_body).toMatch(/Quand\u00a0: \S+ \d{1,2} \S+ \d{4}/)

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

    const member = await db()
      .selectFrom('members')
      .select(['id', 'status'])
      .where('organization_id', '=', t.demo.organizationId)
      .where('email_normalized', '=', email)
      .executeTakeFirstOrThrow()
    expect(member.status).toBe('pending')
    const token = confirmLink(mail.text_body)
    expect(token).toBeDefined()
    const done = await t.call('POST', '/confirm', {
      key: null,
      body: new URLSearchParams({ token: token ?? '' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(done.status).toBe(200)
    const confirmed = await db()
      .selectFrom('members')
      .select('status')
      .where('organization_id', '=', t.demo.organizationId)
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow()
    expect(confirmed.status).toBe('active')
    const place = await db()
      .selectFrom('rsvps')
      .select('status')
      .where('organization_id', '=', t.demo.organizationId)
      .where('initiative_id', '=', initiativeId)
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow()
    expect(place.status).toBe('going')

    // Full now: the next person waits, and is not given the address.
    const waiting = 'en.attente@example.org'
    const second = await rsvp(initiativeId, waiting)
    expect(((await second.json()) as { status: string }).status).toBe('waitlisted')
    const waitMail = await mailTo(db(), waiting)
    expect(waitMail.subject).toBe('Liste d’attente : Réunion publique sur les transports')
    expect(waitMail.text_body).toContain('liste d’attente (position 1)')
    expect(waitMail.text_body).not.toContain('15 rue Merlin')
    const waitIcs = (await simpleParser(waitMail.raw)).attachments[0]?.content.toString('utf8') ?? ''
    expect(calendarOf(waitIcs).event.getFirstPropertyValue('uid')).toBe(`${initiativeId}@relais`)
    expect(waitIcs).not.toContain('15 rue Merlin')
  })

  it('do not ask a confirmed member to confirm again', async () => {
    const first = await newInitiative()
    const email = 'membre.confirme@example.org'
    await rsvp(first, email)
    const token = confirmLink((await mailTo(db(), email)).text_body)
    await t.call('POST', '/confirm', {
      key: null,
      body: new URLSearchParams({ token: token ?? '' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })

    const second = await newInitiative({ title: 'Tractage au marché', kind: 'leafleting' })
    expect((await rsvp(second, email)).status).toBe(201)
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
