import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import type { ConsentText, GroupKind } from '../../db/types.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { sha256Hex } from '../../domain/hashing.js'
import { signUp } from '../../domain/signups/sign-up.js'

let t: TestContext
let texts: ConsentText[]
beforeAll(async () => {
  t = await openTestApp()
  texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { language: 'fr' })
})
afterAll(() => t.close())

const textId = (purpose: string) => texts.find((text) => text.purpose === purpose)?.id ?? ''

function signupBody(email: string, overrides: Record<string, unknown> = {}) {
  return {
    email,
    given_name: 'Camille',
    family_name: 'Essai',
    postcode: '69003',
    consents: [
      { purpose: 'membership', text_id: textId('membership') },
      { purpose: 'news', text_id: textId('news') },
    ],
    ...overrides,
  }
}

async function publicGroup(kind: GroupKind = 'section') {
  return t.database.db
    .selectFrom('groups')
    .select(['id', 'path'])
    .where('organization_id', '=', t.demo.organizationId)
    .where('kind', '=', kind)
    .where('visibility', '=', 'public')
    .orderBy('id')
    .executeTakeFirstOrThrow()
}

async function rowCounts() {
  const count = async (table: 'members' | 'consent_records' | 'confirmations' | 'memberships') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    members: await count('members'),
    consents: await count('consent_records'),
    confirmations: await count('confirmations'),
    memberships: await count('memberships'),
  }
}

async function expectFieldError(res: Response, path: string) {
  expect(res.status).toBe(400)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  const body = (await res.json()) as { errors: { path: string; message: string }[] }
  expect(body.errors.map((e) => e.path)).toContain(path)
  return body
}

describe('POST /v1/signups', () => {
  it('records a new e-mail as one pending member with unconfirmed consents and a confirmation', async () => {
    const group = await publicGroup()
    const res = await t.call('POST', '/v1/signups', {
      body: signupBody('Nouvelle.Personne@Example.org', {
        group_id: group.id,
        source_page: 'https://candidat.example.org/rejoindre',
      }),
      headers: { 'relais-widget': 'relais-signup-form' },
    })
    expect(res.status).toBe(202)
    expect(await res.json()).toMatchObject({
      status: 'pending_confirmation',
      message_fr: expect.stringContaining('Merci'),
    })

    const members = await t.database.db
      .selectFrom('members')
      .selectAll()
      .where('organization_id', '=', t.demo.organizationId)
      .where('email_normalized', '=', 'nouvelle.personne@example.org')
      .execute()
    expect(members).toHaveLength(1)
    const member = members[0]
    expect(member).toMatchObject({
      status: 'pending',
      given_name: 'Camille',
      postcode: '69003',
      language: 'fr',
      confirmed_at: null,
    })
    expect(member?.commune).toMatch(/^Lyon/)
    expect(member?.source).toMatchObject({
      origin: 'https://candidat.example.org/rejoindre',
      widget: 'relais-signup-form',
      key_id: expect.stringMatching(/^key_/),
    })

    const consents = await t.database.db
      .selectFrom('consent_records')
      .innerJoin('consent_texts', (j) =>
        j
          .onRef('consent_texts.organization_id', '=', 'consent_records.organization_id')
          .onRef('consent_texts.id', '=', 'consent_records.consent_text_id'),
      )
      .select([
        'consent_records.purpose',
        'consent_records.text_sha256',
        'consent_records.confirmed_at',
        'consent_texts.sha256',
        'consent_texts.text',
      ])
      .where('consent_records.member_id', '=', member?.id ?? '')
      .execute()
    expect(consents.map((c) => c.purpose).sort()).toEqual(['membership', 'news'])
    for (const consent of consents) {
      expect(consent.text_sha256).toBe(consent.sha256)
      expect(consent.text_sha256).toBe(sha256Hex(consent.text))
      expect(consent.confirmed_at).toBeNull()
    }

    const confirmations = await t.database.db
      .selectFrom('confirmations')
      .selectAll()
      .where('member_id', '=', member?.id ?? '')
      .execute()
    expect(confirmations).toHaveLength(1)
    expect(confirmations[0]).toMatchObject({ purpose: 'signup', subject_id: group.id, used_at: null })
    const memberships = await t.database.db
      .selectFrom('memberships')
      .select('group_id')
      .where('member_id', '=', member?.id ?? '')
      .execute()
    expect(memberships).toEqual([])
  })

  it('answers a known e-mail with the same status and bytes, and rewrites nothing about that member', async () => {
    const known = await t.database.db
      .selectFrom('members')
      .selectAll()
      .where('organization_id', '=', t.demo.organizationId)
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const fresh = await t.call('POST', '/v1/signups', { body: signupBody('jamais.vue@example.org') })
    const again = await t.call('POST', '/v1/signups', {
      body: signupBody(` ${known.email?.toUpperCase()} `, {
        given_name: 'Usurpateur',
        postcode: '13001',
        phone: '0600000000',
        language: 'en',
      }),
    })
    expect(again.status).toBe(fresh.status)
    expect(await again.text()).toBe(await fresh.text())
    expect(again.headers.get('content-type')).toBe(fresh.headers.get('content-type'))
    const after = await t.database.db
      .selectFrom('members')
      .selectAll()
      .where('organization_id', '=', t.demo.organizationId)
      .where('id', '=', known.id)
      .executeTakeFirstOrThrow()
    expect(after).toEqual(known)
    const sameAddress = await t.database.db
      .selectFrom('members')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('email_normalized', '=', known.email_normalized)
      .execute()
    expect(sameAddress).toHaveLength(1)
  })

  it('writes to the member in the language of the membership text shown, unless told otherwise', async () => {
    const [english] = await currentConsentTexts(t.database.db, t.demo.organizationId, {
      purpose: 'membership',
      language: 'en',
    })
    const consents = [{ purpose: 'membership', text_id: english?.id }]
    await t.call('POST', '/v1/signups', { body: signupBody('english.reader@example.org', { consents }) })
    await t.call('POST', '/v1/signups', {
      body: signupBody('lecteur.bilingue@example.org', { consents, language: 'fr' }),
    })
    const languages = await t.database.db
      .selectFrom('members')
      .select(['email_normalized', 'language'])
      .where('email_normalized', 'in', ['english.reader@example.org', 'lecteur.bilingue@example.org'])
      .orderBy('email_normalized')
      .execute()
    expect(languages.map((m) => m.language)).toEqual(['en', 'fr'])
  })

  it('keeps one member when the same new e-mail arrives twice at once', async () => {
    const body = signupBody('deux.fois@example.org')
    const answers = await Promise.all([
      t.call('POST', '/v1/signups', { body }),
      t.call('POST', '/v1/signups', { body }),
    ])
    expect(answers.map((res) => res.status)).toEqual([202, 202])
    const members = await t.database.db
      .selectFrom('members')
      .select('id')
      .where('email_normalized', '=', 'deux.fois@example.org')
      .execute()
    expect(members).toHaveLength(1)
  })

  it('answers a filled honeypot like any sign-up and writes nothing', async () => {
    const before = await rowCounts()
    const trapped = await t.call('POST', '/v1/signups', {
      body: signupBody('robot@example.net', { website: 'https://spam.example' }),
    })
    const genuine = await t.call('POST', '/v1/signups', { body: signupBody('humain@example.net') })
    expect(trapped.status).toBe(202)
    expect(await trapped.text()).toBe(await genuine.text())
    const after = await rowCounts()
    expect(after.members).toBe(before.members + 1)
    const robot = await t.database.db
      .selectFrom('members')
      .select('id')
      .where('email_normalized', '=', 'robot@example.net')
      .execute()
    expect(robot).toEqual([])
  })

  it('refuses a sign-up without the membership consent, on `consents`, and writes nothing', async () => {
    const before = await rowCounts()
    await expectFieldError(
      await t.call('POST', '/v1/signups', {
        body: signupBody('sans.consentement@example.org', { consents: [{ purpose: 'news', text_id: textId('news') }] }),
      }),
      'consents',
    )
    await expectFieldError(
      await t.call('POST', '/v1/signups', { body: signupBody('sans.consentement@example.org', { consents: [] }) }),
      'consents',
    )
    await expectFieldError(
      await t.call('POST', '/v1/signups', {
        body: signupBody('sans.consentement@example.org', { consents: undefined }),
      }),
      'consents',
    )
    expect(await rowCounts()).toEqual(before)
  })

  it('refuses a replaced, foreign or mismatched consent text and writes nothing', async () => {
    const retiredId = 'cst_retiredtextforthetest00000'
    await t.database.db
      .insertInto('consent_texts')
      .values({
        organization_id: t.demo.organizationId,
        id: retiredId,
        purpose: 'membership',
        language: 'fr',
        version: 0,
        text: 'Une ancienne version.',
        sha256: sha256Hex('Une ancienne version.'),
        retired_at: new Date('2020-01-01T00:00:00Z'),
      })
      .execute()
    const [foreign] = await currentConsentTexts(t.database.db, t.other.organizationId, { purpose: 'membership' })
    const before = await rowCounts()
    for (const id of [retiredId, foreign?.id, textId('news'), 'cst_0000000000000000000000000']) {
      const body = signupBody('texte.perime@example.org', { consents: [{ purpose: 'membership', text_id: id }] })
      await expectFieldError(await t.call('POST', '/v1/signups', { body }), 'consents.0.text_id')
    }
    expect(await rowCounts()).toEqual(before)
  })

  it('refuses a private group exactly as an unknown or foreign one', async () => {
    const hidden = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('visibility', '=', 'private')
      .executeTakeFirstOrThrow()
    const foreign = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .executeTakeFirstOrThrow()
    const before = await rowCounts()
    const answer = async (groupId: string) => {
      const res = await t.call('POST', '/v1/signups', {
        body: signupBody('groupe.cache@example.org', { group_id: groupId }),
      })
      return { status: res.status, body: await res.text() }
    }
    const privateAnswer = await answer(hidden.id)
    expect(privateAnswer.status).toBe(400)
    expect(JSON.parse(privateAnswer.body).errors[0].path).toBe('group_id')
    expect(privateAnswer.body).not.toContain(hidden.id)
    expect(await answer('grp_0000000000000000000000000')).toEqual(privateAnswer)
    expect(await answer(foreign.id)).toEqual(privateAnswer)
    expect(await rowCounts()).toEqual(before)
  })

  it('explains each invalid field', async () => {
    const res = await t.call('POST', '/v1/signups', {
      body: signupBody('pas-une-adresse', {
        given_name: ' ',
        postcode: '7501',
        phone: 'appelez-moi',
        source_page: 'javascript:alert(1)',
      }),
    })
    const body = await expectFieldError(res, 'email')
    const messages = Object.fromEntries(body.errors.map((e) => [e.path, e.message]))
    expect(messages.email).toBe('Enter a valid e-mail address.')
    expect(messages.given_name).toBe('Enter your given name.')
    expect(messages.postcode).toContain('five digits')
    expect(messages.phone).toContain('phone number')
    expect(Object.keys(messages)).toContain('source_page')
  })

  it('asks for a key', async () => {
    const res = await t.call('POST', '/v1/signups', { key: null, body: signupBody('sans.cle@example.org') })
    expect(res.status).toBe(401)
  })
})

describe('POST /v1/confirmations', () => {
  it('confirms the address, the consents and the group, once', async () => {
    const group = await publicGroup()
    const enrolment = await signUp(t.database.db, {
      organizationId: t.demo.organizationId,
      person: { email: 'a.confirmer@example.org', given_name: 'Alix', family_name: 'Confirme', postcode: '75011' },
      groupId: group.id,
      consents: [
        { purpose: 'membership', text_id: textId('membership') },
        { purpose: 'public_activity', text_id: textId('public_activity') },
      ],
      source: { origin: 'https://candidat.example.org' },
    })
    expect(enrolment.created).toBe(true)

    const res = await t.call('POST', '/v1/confirmations', { body: { token: enrolment.confirmationToken } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'confirmed', purpose: 'signup' })

    const member = await t.database.db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', enrolment.member.id)
      .executeTakeFirstOrThrow()
    expect(member.status).toBe('active')
    expect(member.confirmed_at).toBeInstanceOf(Date)
    const consents = await t.database.db
      .selectFrom('consent_records')
      .select('confirmed_at')
      .where('member_id', '=', enrolment.member.id)
      .execute()
    expect(consents).toHaveLength(2)
    expect(consents.every((c) => c.confirmed_at instanceof Date)).toBe(true)
    const memberships = await t.database.db
      .selectFrom('memberships')
      .select(['group_id', 'role'])
      .where('member_id', '=', enrolment.member.id)
      .execute()
    expect(memberships).toEqual([{ group_id: group.id, role: 'member' }])

    const twice = await t.call('POST', '/v1/confirmations', { body: { token: enrolment.confirmationToken } })
    await expectFieldError(twice, 'token')
  })

  it("refuses unknown tokens and another organization's tokens, leaving the latter usable", async () => {
    await expectFieldError(await t.call('POST', '/v1/confirmations', { body: { token: 'nimportequoi' } }), 'token')
    const enrolment = await signUp(t.database.db, {
      organizationId: t.demo.organizationId,
      person: { email: 'autre.cle@example.org', given_name: 'Noa', family_name: 'Ailleurs', postcode: '69003' },
      consents: [{ purpose: 'membership', text_id: textId('membership') }],
      source: {},
    })
    const foreign = await t.call('POST', '/v1/confirmations', {
      key: t.other.publishableKey,
      body: { token: enrolment.confirmationToken },
    })
    await expectFieldError(foreign, 'token')
    const own = await t.call('POST', '/v1/confirmations', { body: { token: enrolment.confirmationToken } })
    expect(own.status).toBe(200)
  })

  it('asks for a key and a token', async () => {
    expect((await t.call('POST', '/v1/confirmations', { key: null, body: { token: 'x' } })).status).toBe(401)
    await expectFieldError(await t.call('POST', '/v1/confirmations', { body: {} }), 'token')
  })
})
