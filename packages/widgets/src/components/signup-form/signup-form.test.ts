import { expect } from 'chai'
import {
  adminCall,
  cleanup,
  expectAccessible,
  heightOf,
  mount,
  mountIn,
  oneLine,
  testApi,
  waitFor,
} from '../../../test/helpers.js'
import './index.js'
import type { RelaisSignupForm, SignupDetail } from './signup-form.js'

interface ConsentText {
  id: string
  purpose: string
  language: string
  text: string
}
interface Member {
  id: string
  email: string
  status: string
  source: { origin: string | null; widget: string | null }
}
interface Export {
  consents: { purpose: string; text: { id: string } }[]
  confirmations: { purpose: string; subject_id: string | null }[]
}

const shadow = (el: Element) => el.shadowRoot as ShadowRoot
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const input = (form: Element, name: string) => {
  const found = shadow(form).querySelector<HTMLInputElement>(`#f-${name}`)
  if (!found) throw new Error(`no field ${name}`)
  return found
}
const unique = (what: string) => `${what}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`

function type(form: Element, name: string, value: string) {
  const field = input(form, name)
  field.value = value
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }))
}

async function consentTexts(): Promise<ConsentText[]> {
  const { api, key } = testApi()
  const response = await fetch(`${api}/v1/consent-texts`, { headers: { authorization: `Bearer ${key}` } })
  return ((await response.json()) as { data: ConsentText[] }).data
}

async function membersNamed(email: string): Promise<Member[]> {
  const { body } = await adminCall<{ data: Member[] }>('GET', `/v1/members?q=${encodeURIComponent(email)}`)
  return body.data.filter((member) => member.email === email)
}

function mountForm(attributes = '') {
  const { api, key } = testApi()
  return mount<RelaisSignupForm>(`<relais-signup-form api="${api}" key="${key}" ${attributes}></relais-signup-form>`)
}

const ready = (form: Element) => waitFor(() => shadow(form).querySelector('form'), 'the form')

async function fill(form: RelaisSignupForm, values: Record<string, string>) {
  await ready(form)
  for (const [name, value] of Object.entries(values)) type(form, name, value)
  await form.updateComplete
}

async function send(form: RelaisSignupForm) {
  shadow(form).querySelector<HTMLButtonElement>('[part="submit-button"]')?.click()
  await form.updateComplete
}

const person = (email: string) => ({ given_name: 'Camille', family_name: 'Lefèvre', email, postcode: '75011' })

describe('relais-signup-form', () => {
  afterEach(cleanup)

  it('reserves its place while the consent texts load, then shows the membership text verbatim as the label', async () => {
    const form = mountForm()
    await form.updateComplete
    expect(shadow(form).querySelector('[aria-busy="true"]')).to.exist
    expect(shadow(form).querySelector('[role="status"]')).to.exist
    await expectAccessible(form)
    await ready(form)
    const membership = (await consentTexts()).find((t) => t.purpose === 'membership' && t.language === 'fr')
    expect(text(shadow(form).querySelector('label[for="f-membership"]'))).to.equal(
      membership?.text.replace(/\s+/g, ' '),
    )
    expect(input(form, 'membership').required).to.equal(true)
    expect(shadow(form).querySelector('label[for="f-news"]')).to.exist
    expect(shadow(form).querySelector('[role="status"]')).to.exist
    await expectAccessible(form)
  })

  it('takes the height of the form while its texts load, the group joined included, on a desktop page and a phone', async () => {
    const { api, key } = testApi()
    const groups = await adminCall<{ data: { id: string }[] }>('GET', '/v1/groups?near=75011&kind=section&limit=1')
    const group = groups.body.data[0]?.id
    for (const attributes of [
      '',
      `group="${group}"`,
      `group="${group}" heading="Rejoignez-nous" purpose-news="false"`,
    ]) {
      for (const width of [1000, 360]) {
        const form = mountIn<RelaisSignupForm>(
          width,
          `<relais-signup-form api="${api}" key="${key}" ${attributes}></relais-signup-form>`,
        )
        await form.updateComplete
        expect(shadow(form).querySelector('[part="skeleton"]')?.getAttribute('aria-busy')).to.equal('true')
        const loading = heightOf(form)
        await ready(form)
        if (attributes) await waitFor(() => shadow(form).querySelector('[part="group"]'), 'the group named')
        await form.updateComplete
        const loaded = heightOf(form)
        expect(
          loading,
          `${width}px wide, ${attributes || 'no group'}: ${loading} px loading, ${loaded} px loaded`,
        ).to.be.closeTo(loaded, oneLine)
      }
    }
  })

  it('signs up end to end: suggests the local section, shows the confirmation message and records a pending member', async () => {
    const signups: CustomEvent<SignupDetail>[] = []
    document.addEventListener('relais-signup', (e) => signups.push(e as CustomEvent<SignupDetail>))
    const email = unique('camille')
    const form = mountForm()
    await fill(form, person(email))
    const section = await waitFor(() => shadow(form).querySelector('label[for="f-group_id"]'), 'the local section')
    expect(text(section)).to.equal('Rejoindre votre section locale : Section Paris 11e')
    expect(input(form, 'group_id').checked).to.equal(true)
    expect(text(shadow(form).querySelector('[role="status"]'))).to.contain('Section Paris 11e')
    input(form, 'membership').click()
    input(form, 'news').click()
    await send(form)
    expect(shadow(form).querySelector<HTMLButtonElement>('[part="submit-button"]')?.disabled).to.equal(true)
    const success = await waitFor(() => shadow(form).querySelector('[part="success"]'), 'the success message')
    expect(text(success)).to.contain('Un e-mail de confirmation vient de vous être envoyé')
    await waitFor(() => shadow(form).activeElement === success, 'focus on the success message')
    await expectAccessible(form)

    const [member] = await membersNamed(email)
    expect(member?.status).to.equal('pending')
    expect(member?.source.widget).to.equal('relais-signup-form')
    expect(member?.source.origin).to.equal(location.href.split('#')[0])
    const texts = await consentTexts()
    const { body } = await adminCall<Export>('GET', `/v1/members/${member?.id}/export`)
    const given = Object.fromEntries(body.consents.map((c) => [c.purpose, c.text.id]))
    expect(given.membership).to.equal(texts.find((t) => t.purpose === 'membership' && t.language === 'fr')?.id)
    expect(given.news).to.equal(texts.find((t) => t.purpose === 'news' && t.language === 'fr')?.id)
    const groups = await adminCall<{ data: { id: string }[] }>('GET', '/v1/groups?near=75011&kind=section&limit=1')
    expect(body.confirmations[0]?.subject_id).to.equal(groups.body.data[0]?.id)
    expect(signups[0]?.detail).to.deep.equal({ group_id: groups.body.data[0]?.id, postcode: '75011' })
    expect(signups[0]?.bubbles && signups[0]?.composed).to.equal(true)
  })

  it('gives a known address the same answer as a new one', async () => {
    const email = unique('known')
    for (let round = 0; round < 2; round++) {
      const form = mountForm('purpose-news="false"')
      await fill(form, person(email))
      expect(shadow(form).querySelector('#f-news')).to.not.exist
      input(form, 'membership').click()
      await send(form)
      const success = await waitFor(() => shadow(form).querySelector('[part="success"]'), 'the success message')
      expect(text(success)).to.contain('Cliquez sur le lien')
      cleanup()
    }
    expect(await membersNamed(email)).to.have.length(1)
  })

  it('shows what to fix next to each field, moves focus to the first one and keeps what was typed', async () => {
    const form = mountForm()
    await fill(form, { given_name: 'Camille', email: 'camille-at-example.org', postcode: '7501' })
    await send(form)
    const email = input(form, 'email')
    expect(email.getAttribute('aria-invalid')).to.equal('true')
    const described = email.getAttribute('aria-describedby')?.split(' ') ?? []
    const message = shadow(form).getElementById('f-email-error')
    expect(described).to.include('f-email-error')
    expect(text(message)).to.equal('Entrez une adresse e-mail valide, par exemple camille@exemple.fr.')
    expect(text(shadow(form).getElementById('f-family_name-error'))).to.equal('Entrez votre nom.')
    expect(text(shadow(form).getElementById('f-postcode-error'))).to.contain('cinq chiffres')
    expect(text(shadow(form).getElementById('f-membership-error'))).to.contain('cochez cette case')
    expect(shadow(form).activeElement).to.equal(input(form, 'family_name'))
    expect(input(form, 'given_name').value).to.equal('Camille')
    expect(email.value).to.equal('camille-at-example.org')
    await expectAccessible(form)
    type(form, 'email', 'camille@example.org')
    await form.updateComplete
    expect(shadow(form).getElementById('f-email-error')).to.not.exist
    expect(email.getAttribute('aria-invalid')).to.equal('false')
  })

  it("shows the server's refusal next to its field when the browser could not tell", async () => {
    const form = mountForm()
    // Two dots in a row pass the browser's e-mail rule but not the API's.
    await fill(form, { ...person('camille..lefevre@example.org'), phone: '06 12 34 56 78' })
    input(form, 'membership').click()
    await send(form)
    const error = await waitFor(() => shadow(form).getElementById('f-email-error'), 'the server error')
    expect(text(error)).to.contain('adresse e-mail valide')
    expect(input(form, 'email').getAttribute('aria-describedby')).to.contain('f-email-error')
    await waitFor(() => shadow(form).activeElement === input(form, 'email'), 'focus on the e-mail field')
    expect(input(form, 'email').value).to.equal('camille..lefevre@example.org')
    expect(input(form, 'phone').value).to.equal('06 12 34 56 78')
    expect(input(form, 'membership').checked).to.equal(true)
    expect(shadow(form).querySelector<HTMLButtonElement>('[part="submit-button"]')?.disabled).to.equal(false)
    expect(shadow(form).querySelector('[part="success"]')).to.not.exist
    await expectAccessible(form)
  })

  it('places a refused group where the group is named', async () => {
    const form = mountForm('group="grp_0000000000000000000000000000"')
    // No section near this postcode: the refused group is the only one named.
    await fill(form, { ...person(unique('group')), postcode: '05350' })
    input(form, 'membership').click()
    await send(form)
    const error = await waitFor(() => shadow(form).getElementById('f-group_id'), 'the group error')
    expect(text(error)).to.equal('Ce groupe ne peut pas être rejoint depuis ce formulaire.')
    await waitFor(() => shadow(form).activeElement === error, 'focus on the group error')
  })

  it('answers a robot that fills the hidden field as if it were a person, and records nobody', async () => {
    const email = unique('robot')
    const form = mountForm()
    await fill(form, { ...person(email), website: 'http://spam.example' })
    const trap = input(form, 'website')
    expect(trap.tabIndex).to.equal(-1)
    expect(trap.closest('[aria-hidden="true"]')).to.exist
    input(form, 'membership').click()
    await send(form)
    await waitFor(() => shadow(form).querySelector('[part="success"]'), 'the success message')
    expect(await membersNamed(email)).to.have.length(0)
  })

  it('joins the given group and offers the local section without choosing it', async () => {
    const { body } = await adminCall<{ data: { id: string; name: string }[] }>(
      'GET',
      '/v1/groups?kind=thematic&limit=1',
    )
    const thematic = body.data[0]
    const { api, key } = testApi()
    const wrapper = mount<HTMLElement>(
      `<relais-config group="${thematic?.id}"><relais-signup-form api="${api}" key="${key}" postcode="69003"></relais-signup-form></relais-config>`,
    )
    const form = wrapper.querySelector('relais-signup-form') as RelaisSignupForm
    const joining = await waitFor(() => shadow(form).querySelector('[part="group"]'), 'the group joined')
    expect(text(joining)).to.equal(`Vous rejoindrez : ${thematic?.name}`)
    expect(input(form, 'postcode').value).to.equal('69003')
    await waitFor(() => shadow(form).querySelector('#f-group_id'), 'the local section')
    expect(text(shadow(form).querySelector('label[for="f-group_id"]'))).to.contain('Section Lyon 3e')
    expect(input(form, 'group_id').checked).to.equal(false)
    await expectAccessible(form)
  })

  it('renders group names from the API as text', async () => {
    const { body: national } = await adminCall<{ data: { id: string }[] }>('GET', '/v1/groups?kind=national')
    await adminCall('POST', '/v1/groups', {
      parent_id: national.data[0]?.id,
      kind: 'section',
      name: '<img src=x onerror="window.__relaisXss=1">Section Quimper',
      postcodes: ['29000'],
    })
    const form = mountForm()
    await fill(form, { postcode: '29000' })
    const label = await waitFor(() => shadow(form).querySelector('label[for="f-group_id"]'), 'the local section')
    expect(text(label)).to.contain('<img src=x onerror="window.__relaisXss=1">Section Quimper')
    expect(shadow(form).querySelector('img')).to.not.exist
    expect((window as { __relaisXss?: number }).__relaisXss).to.equal(undefined)
  })

  it('switches language with the lang attribute, consent text included, keeping what was typed', async () => {
    const texts = await consentTexts()
    const form = mountForm('lang="en"')
    await fill(form, { given_name: 'Sam' })
    expect(text(shadow(form).querySelector('label[for="f-given_name"]'))).to.equal('First name')
    expect(text(shadow(form).querySelector('label[for="f-membership"]'))).to.equal(
      texts.find((t) => t.purpose === 'membership' && t.language === 'en')?.text.replace(/\s+/g, ' '),
    )
    expect(text(shadow(form).querySelector('[part="submit-button"]'))).to.equal('Join')
    form.setAttribute('lang', 'fr')
    await form.updateComplete
    expect(text(shadow(form).querySelector('label[for="f-given_name"]'))).to.equal('Prénom')
    expect(text(shadow(form).querySelector('label[for="f-membership"]'))).to.contain("J'adhère")
    expect(input(form, 'given_name').value).to.equal('Sam')
  })

  it('shows the confirmation message in English, from the API', async () => {
    const form = mountForm('lang="en" success-message="Welcome aboard!"')
    await fill(form, person(unique('english')))
    input(form, 'membership').click()
    await send(form)
    const success = await waitFor(() => shadow(form).querySelector('[part="success"]'), 'the success message')
    expect(text(success)).to.equal(
      'Welcome aboard! Thank you! A confirmation e-mail is on its way. Follow the link it contains to confirm your sign-up.',
    )
  })

  it('shows a helpful error with a retry button when the texts cannot be loaded, and tells the page', async () => {
    const errors: CustomEvent[] = []
    document.addEventListener('relais-error', (e) => errors.push(e as CustomEvent), { once: true })
    const { api } = testApi()
    const form = mount<RelaisSignupForm>(
      `<relais-signup-form api="${api}" key="pk_live_wrongwrongwrong"></relais-signup-form>`,
    )
    const alert = await waitFor(() => shadow(form).querySelector('[role="alert"]'), 'the error')
    expect(alert.querySelector('button')?.textContent).to.contain('Réessayer')
    expect(errors).to.have.length(1)
    expect(shadow(form).querySelector('[role="status"]')).to.exist
    await expectAccessible(form)
  })
})
