import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { publicSection } from '../../../test/demo-groups.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { sha256Hex } from '../../domain/hashing.js'
import { requestRsvp } from '../../domain/rsvps/request.js'
import { signUp } from '../../domain/signups/sign-up.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

async function newToken(email: string) {
  const [membership] = await currentConsentTexts(t.database.db, t.demo.organizationId, {
    purpose: 'membership',
    language: 'fr',
  })
  const enrolment = await signUp(t.database.db, {
    organizationId: t.demo.organizationId,
    person: { email, given_name: 'Lou', family_name: 'Lien', postcode: '75011' },
    consents: [{ purpose: 'membership', text_id: membership?.id ?? '' }],
    source: {},
  })
  return { token: enrolment.confirmationToken, memberId: enrolment.member.id }
}

async function usedAt(token: string) {
  const row = await t.database.db
    .selectFrom('confirmations')
    .select('used_at')
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirstOrThrow()
  return row.used_at
}

const postForm = (token: string) =>
  t.call('POST', '/confirm', {
    key: null,
    body: new URLSearchParams({ token }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })

describe('the confirmation page of e-mail links', () => {
  it('shows a form on GET without spending the token, and confirms on POST', async () => {
    const { token, memberId } = await newToken('page.confirmation@example.org')
    for (let i = 0; i < 3; i++) {
      const page = await t.call('GET', `/confirm?token=${token}`, { key: null })
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toContain('text/html')
      expect(page.headers.get('referrer-policy')).toBe('no-referrer')
      expect(page.headers.get('cache-control')).toBe('no-store')
      const html = await page.text()
      expect(html).toContain('<html lang="fr">')
      expect(html).toContain('method="post"')
      expect(html).toContain(`value="${token}"`)
      expect(html).toContain('Confirm your e-mail address')
    }
    expect(await usedAt(token)).toBeNull()

    const done = await postForm(token)
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('votre adresse est confirmée')
    expect(await usedAt(token)).toBeInstanceOf(Date)
    const member = await t.database.db
      .selectFrom('members')
      .select('status')
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow()
    expect(member.status).toBe('active')

    const again = await postForm(token)
    expect(again.status).toBe(400)
    expect(await again.text()).toContain('Ce lien ne fonctionne plus')
    expect((await t.call('GET', `/confirm?token=${token}`, { key: null })).status).toBe(400)
  })

  it('says what the link of an RSVP did with the place, in French and in English', async () => {
    const [participation] = await currentConsentTexts(t.database.db, t.demo.organizationId, {
      purpose: 'event_participation',
      language: 'fr',
    })
    const groupId = (await publicSection(t)).id
    const initiative = async (title: string, fields: Record<string, unknown>) => {
      const starts = Date.now() + 3 * 86_400_000
      const res = await t.call('POST', '/v1/initiatives', {
        key: t.demo.secretKey,
        body: {
          group_id: groupId,
          kind: 'meeting',
          title,
          starts_at: new Date(starts).toISOString(),
          ends_at: new Date(starts + 3_600_000).toISOString(),
          location: { postcode: '75011' },
          publish: true,
          ...fields,
        },
      })
      return ((await res.json()) as { id: string }).id
    }
    const request = async (initiativeId: string, email: string) =>
      (await requestRsvp(t.database.db, {
        audience: { organizationId: t.demo.organizationId, includePrivate: false },
        initiativeId,
        person: { email, given_name: 'Lou', family_name: 'Lien', postcode: '75011' },
        consents: [{ purpose: 'event_participation', text_id: participation?.id ?? '' }],
        source: {},
      })) ?? ''
    const pageOf = async (token: string) => (await postForm(token)).text()

    const one = await initiative('Atelier <tract>', { capacity: 1 })
    const [first, second] = [await request(one, 'place.une@example.org'), await request(one, 'place.deux@example.org')]
    const going = await pageOf(first)
    expect(going).toContain('Votre place à « Atelier &lt;tract&gt; » est réservée.')
    expect(going).toContain('Your place at “Atelier &lt;tract&gt;” is booked.')
    const waiting = await pageOf(second)
    expect(waiting).toContain('vous êtes sur la liste d’attente, en position 1')
    expect(waiting).toContain('you are on the waitlist, at position 1')

    const closed = await initiative('Porte-à-porte', { capacity: 1, waitlist_enabled: false })
    const [early, late] = [await request(closed, 'tot@example.org'), await request(closed, 'tard@example.org')]
    await pageOf(early)
    const full = await pageOf(late)
    expect(full).toContain('est complet et n’a pas de liste d’attente : aucune place n’a pu vous être réservée.')
    expect(full).toContain('is full and has no waitlist: no place could be booked for you.')

    const dropped = await initiative('Réunion annulée', {})
    const token = await request(dropped, 'annule@example.org')
    await t.call('POST', `/v1/initiatives/${dropped}/cancel`, { key: t.demo.secretKey })
    const cancelled = await pageOf(token)
    expect(cancelled).toContain('« Réunion annulée » a été annulé : aucune place n’a été réservée.')
    expect(cancelled).toContain('“Réunion annulée” was cancelled: no place was booked.')
  })

  it('answers missing, malformed or unknown tokens with an explanation page', async () => {
    for (const query of ['', '?token=', '?token=%3Cscript%3E', '?token=abcdefghijklmnopqrstuvwxyz0123456789abc']) {
      const res = await t.call('GET', `/confirm${query}`, { key: null })
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(html).toContain('This link no longer works')
      expect(html).not.toContain('<script>')
    }
    expect((await postForm('')).status).toBe(400)
  })

  it('stays out of the API contract', async () => {
    const doc = (await (await t.call('GET', '/openapi.json', { key: null })).json()) as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(doc.paths)).not.toContain('/confirm')
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/signups', '/v1/confirmations']))
  })
})
