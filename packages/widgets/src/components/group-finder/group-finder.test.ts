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
import type { SignupDetail } from '../signup-form/signup-form.js'
import type { GroupFinderLoadDetail, RelaisGroupFinder } from './group-finder.js'

interface Group {
  id: string
  name: string
}

const shadow = (el: Element) => el.shadowRoot as ShadowRoot
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const all = (el: Element, selector: string) => [...shadow(el).querySelectorAll(selector)]
const names = (finder: Element, list: string) => all(finder, `[part="${list}"] [part="group-name"]`).map(text)

function mountFinder(attributes = '') {
  const { api, key } = testApi()
  return mount<RelaisGroupFinder>(`<relais-group-finder api="${api}" key="${key}" ${attributes}></relais-group-finder>`)
}

async function search(finder: RelaisGroupFinder, query: string) {
  await finder.updateComplete
  const field = shadow(finder).querySelector<HTMLInputElement>('#f-q')
  if (!field) throw new Error('no search field')
  field.value = query
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }))
  shadow(finder).querySelector<HTMLButtonElement>('[part="submit-button"]')?.click()
  await finder.updateComplete
}

const results = (finder: Element) => waitFor(() => shadow(finder).querySelector('[part="results"]'), 'the results')

async function sectionsNear(postcode: string, radius = 20) {
  const { body } = await adminCall<{ data: Group[] }>(
    'GET',
    `/v1/groups?near=${postcode}&kind=section&radius_km=${radius}&limit=5`,
  )
  return body.data
}

describe('relais-group-finder', () => {
  afterEach(cleanup)

  it('starts with the search form and a hint, nothing else', async () => {
    const finder = mountFinder()
    await finder.updateComplete
    expect(text(shadow(finder).querySelector('label[for="f-q"]'))).to.equal('Code postal ou commune')
    expect(text(shadow(finder).getElementById('f-q-hint'))).to.equal('Par exemple 75011 ou Lyon.')
    expect(shadow(finder).querySelector('[role="status"]')).to.exist
    expect(shadow(finder).querySelector('[part="results"], [part="skeleton"]')).to.not.exist
    await expectAccessible(finder)
  })

  it('shows a placeholder while loading, then the section covering 75011 first, nearby ones and thematic groups', async () => {
    const loads: CustomEvent<GroupFinderLoadDetail>[] = []
    document.addEventListener('relais-load', (e) => loads.push(e as CustomEvent<GroupFinderLoadDetail>), { once: true })
    const finder = mountFinder('postcode="75011"')
    await finder.updateComplete
    expect(shadow(finder).querySelector('[part="skeleton"][aria-busy="true"]')).to.exist
    await expectAccessible(finder)
    await results(finder)
    const expected = await sectionsNear('75011')
    expect(names(finder, 'results')).to.deep.equal(expected.map((group) => group.name))
    expect(names(finder, 'results')[0]).to.equal('Section Paris 11e')
    const [first, second] = all(finder, '[part="results"] [part="group"]')
    expect(text(first?.querySelector('[part="distance"]'))).to.equal('Couvre votre code postal')
    expect(text(second?.querySelector('[part="distance"]'))).to.match(/^à \d+,\d km$/)
    expect(text(first?.querySelector('[part="kind"]'))).to.equal('Section locale')
    const { body } = await adminCall<{ data: Group[] }>('GET', '/v1/groups?kind=thematic&limit=20')
    expect(names(finder, 'thematic')).to.deep.equal(body.data.map((group) => group.name))
    expect(loads[0]?.detail).to.deep.equal({ postcode: '75011', groups: expected.map((group) => group.id) })
    expect(text(shadow(finder).querySelector('[role="status"]'))).to.contain(`: ${expected.length}.`)
    await expectAccessible(finder)
  })

  it('keeps the place of the sections while they load, and of the thematic groups on a new search', async () => {
    const { api, key } = testApi()
    for (const width of [1000, 360]) {
      const finder = mountIn<RelaisGroupFinder>(
        width,
        `<relais-group-finder api="${api}" key="${key}" postcode="75011"></relais-group-finder>`,
      )
      await finder.updateComplete
      const loading = heightOf(finder)
      const found = await results(finder)
      await finder.updateComplete
      // The first search cannot know how many thematic groups follow the sections.
      const sections = found.getBoundingClientRect().bottom - finder.getBoundingClientRect().top
      expect(loading, `${width}px wide: ${loading} px loading, ${sections} px of sections`).to.be.closeTo(
        sections,
        oneLine,
      )
      const shown = heightOf(finder)
      await search(finder, '75020')
      expect(shadow(finder).querySelector('[part="skeleton"]')).to.exist
      const searching = heightOf(finder)
      expect(searching, `${width}px wide, a new search starts`).to.be.closeTo(shown, oneLine)
      await waitFor(() => !shadow(finder).querySelector('[part="skeleton"]'), 'the new results')
      await finder.updateComplete
      expect(searching, `${width}px wide, its results come`).to.be.closeTo(heightOf(finder), oneLine)
    }
  })

  it('resolves a commune name, letting the visitor pick when several match', async () => {
    const finder = mountFinder()
    await search(finder, 'lyon')
    const choices = await waitFor(() => shadow(finder).querySelector('[part="choices"]'), 'the communes')
    expect(text(choices)).to.contain('Plusieurs communes correspondent à « lyon »')
    await expectAccessible(finder)
    const lyon3 = [...choices.querySelectorAll('button')].find((b) => text(b) === 'Lyon 3e Arrondissement (69003)')
    lyon3?.click()
    await results(finder)
    const heading = shadow(finder).getElementById('results-title')
    expect(text(heading)).to.equal('Sections près de 69003 (Lyon 3e Arrondissement)')
    expect(names(finder, 'results')[0]).to.equal('Section Lyon 3e')
    await waitFor(() => shadow(finder).activeElement === heading, 'focus on the results')
  })

  it('goes straight to the results when one commune matches', async () => {
    const finder = mountFinder()
    await search(finder, 'Villeurbanne')
    await results(finder)
    expect(text(shadow(finder).getElementById('results-title'))).to.equal('Sections près de 69100 (Villeurbanne)')
    expect(names(finder, 'results')[0]).to.equal('Section Villeurbanne')
  })

  it('says what to fix in the search field, tied to it, with focus on it', async () => {
    const finder = mountFinder()
    const field = () => shadow(finder).querySelector<HTMLInputElement>('#f-q')
    const error = () => text(shadow(finder).getElementById('f-q-error'))
    await search(finder, '')
    expect(error()).to.equal('Entrez votre code postal ou le nom de votre commune.')
    expect(field()?.getAttribute('aria-describedby')).to.equal('f-q-hint f-q-error')
    expect(field()?.getAttribute('aria-invalid')).to.equal('true')
    expect(shadow(finder).activeElement).to.equal(field())
    await expectAccessible(finder)
    await search(finder, '7501')
    expect(error()).to.equal('Un code postal a cinq chiffres, par exemple 75011.')
    await search(finder, 'Zzyzx')
    await waitFor(() => error().includes('Aucune commune ne commence par « Zzyzx »'), 'the unknown commune')
    expect(field()?.value).to.equal('Zzyzx')
    await waitFor(() => shadow(finder).activeElement === field(), 'focus on the field')
  })

  it('says so helpfully when no section is near, and still offers the thematic groups and joining', async () => {
    const finder = mountFinder('postcode="05350"')
    await results(finder)
    const notice = shadow(finder).querySelector('[part="empty"]')
    expect(text(notice)).to.contain("Aucune section près de 05350 pour l'instant. Rejoignez un groupe thématique")
    expect(text(notice?.querySelector('[part="join-button"]'))).to.equal('Adhérer')
    expect(names(finder, 'thematic').length).to.be.greaterThan(0)
    await expectAccessible(finder)
  })

  it('shows a helpful error with a retry button, and tells the page', async () => {
    const errors: CustomEvent[] = []
    document.addEventListener('relais-error', (e) => errors.push(e as CustomEvent), { once: true })
    const { api } = testApi()
    const finder = mount<RelaisGroupFinder>(
      `<relais-group-finder api="${api}" key="pk_live_wrongwrongwrong" postcode="75011"></relais-group-finder>`,
    )
    const alert = await waitFor(() => shadow(finder).querySelector('[role="alert"]'), 'the error')
    expect(alert.querySelector('button')?.textContent).to.contain('Réessayer')
    expect(errors).to.have.length(1)
    await expectAccessible(finder)
  })

  it('links "Rejoindre" to the join page with the group id', async () => {
    const finder = mountFinder('postcode="75011" join-url="https://example.org/adherer?from=carte"')
    await results(finder)
    const [first] = await sectionsNear('75011')
    const link = shadow(finder).querySelector<HTMLAnchorElement>('[part="results"] a[part="join-button"]')
    expect(link?.href).to.equal(`https://example.org/adherer?from=carte&group=${first?.id}`)
    expect(text(link)).to.equal('Rejoindre Section Paris 11e')
  })

  it('opens the sign-up form under the group, loading its code only then, and joins end to end', async () => {
    expect(customElements.get('relais-signup-form')).to.equal(undefined)
    const signups: CustomEvent<SignupDetail>[] = []
    document.addEventListener('relais-signup', (e) => signups.push(e as CustomEvent<SignupDetail>), { once: true })
    const finder = mountFinder('postcode="75011"')
    await results(finder)
    const [first] = await sectionsNear('75011')
    const button = shadow(finder).querySelector<HTMLButtonElement>('[part="results"] button[part="join-button"]')
    expect(button?.getAttribute('aria-expanded')).to.equal('false')
    button?.click()
    const form = await waitFor(() => shadow(finder).querySelector('relais-signup-form'), 'the sign-up form')
    expect(customElements.get('relais-signup-form')).to.exist
    expect(form.getAttribute('group')).to.equal(first?.id)
    expect(button?.getAttribute('aria-expanded')).to.equal('true')
    expect(
      shadow(finder)
        .getElementById(button?.getAttribute('aria-controls') ?? '')
        ?.contains(form),
    ).to.equal(true)
    const inner = form.shadowRoot as ShadowRoot
    const joining = await waitFor(() => inner.querySelector('[part="group"]'), 'the group named')
    expect(text(joining)).to.equal('Vous rejoindrez : Section Paris 11e')
    await expectAccessible(finder)

    const email = `finder.${Date.now()}@example.org`
    const values: Record<string, string> = { given_name: 'Alex', family_name: 'Moreau', email }
    for (const [name, value] of Object.entries(values)) {
      const field = inner.querySelector<HTMLInputElement>(`#f-${name}`)
      if (!field) throw new Error(`no field ${name}`)
      field.value = value
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }))
    }
    expect(inner.querySelector<HTMLInputElement>('#f-postcode')?.value).to.equal('75011')
    inner.querySelector<HTMLInputElement>('#f-membership')?.click()
    inner.querySelector<HTMLButtonElement>('[part="submit-button"]')?.click()
    await waitFor(() => inner.querySelector('[part="success"]'), 'the success message')
    expect(signups[0]?.detail).to.deep.equal({ group_id: first?.id, postcode: '75011' })
    const { body } = await adminCall<{ data: { email: string; status: string }[] }>(
      'GET',
      `/v1/members?q=${encodeURIComponent(email)}`,
    )
    expect(body.data.find((member) => member.email === email)?.status).to.equal('pending')
  })

  it('switches language with the lang attribute', async () => {
    const finder = mountFinder('postcode="75011" lang="en"')
    await results(finder)
    expect(text(shadow(finder).getElementById('results-title'))).to.equal('Sections near 75011')
    const distances = all(finder, '[part="results"] [part="distance"]').map(text)
    expect(distances[0]).to.equal('Covers your postcode')
    expect(distances[1]).to.match(/^\d+\.\d km away$/)
    expect(text(shadow(finder).querySelector('[part="join-button"]'))).to.equal('Join Section Paris 11e')
    finder.setAttribute('lang', 'fr')
    await finder.updateComplete
    expect(text(shadow(finder).getElementById('results-title'))).to.equal('Sections près de 75011')
    expect(text(shadow(finder).querySelector('label[for="f-q"]'))).to.equal('Code postal ou commune')
  })

  it('renders group names from the API as text', async () => {
    const { body: national } = await adminCall<{ data: Group[] }>('GET', '/v1/groups?kind=national')
    const created = await adminCall('POST', '/v1/groups', {
      parent_id: national.data[0]?.id,
      kind: 'section',
      name: '<img src=x onerror="window.__relaisXss=1">Section Lorient',
      postcodes: ['56100'],
    })
    expect(created.status).to.equal(201)
    const finder = mountFinder('postcode="56100"')
    await results(finder)
    expect(names(finder, 'results')[0]).to.equal('<img src=x onerror="window.__relaisXss=1">Section Lorient')
    expect(shadow(finder).querySelector('img')).to.not.exist
    expect((window as { __relaisXss?: number }).__relaisXss).to.equal(undefined)
  })
})
