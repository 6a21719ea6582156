import { expect } from 'chai'
import { adminCall, cleanup, expectAccessible, mount, testApi, waitFor } from '../../../test/helpers.js'
import {
  fill,
  person,
  publicGet,
  publishInitiative,
  registerSomeone,
  submit,
  uniqueTag,
} from '../event/event.fixtures.js'
import type { Initiative } from '../event/initiative.js'
import './index.js'
import type { RelaisEventList } from './event-list.js'

const shadow = (el: Element) => el.shadowRoot as ShadowRoot
const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const articles = (list: Element) => [...shadow(list).querySelectorAll('[part="list"] article')]
const titles = (list: Element) => articles(list).map((article) => text(article.querySelector('h3')))

function mountList(attributes = '') {
  const { api, key } = testApi()
  return mount<RelaisEventList>(`<relais-event-list api="${api}" key="${key}" ${attributes}></relais-event-list>`)
}

const ready = (list: Element) =>
  waitFor(() => shadow(list).querySelector('[part="list"], [part="empty"], [part="error"]'), 'the list to load')

describe('relais-event-list', () => {
  afterEach(cleanup)

  it('reserves one row per initiative of a page while loading, then lists them as articles', async () => {
    const loads: CustomEvent[] = []
    const listener = (e: Event) => loads.push(e as CustomEvent)
    document.addEventListener('relais-load', listener)
    const list = mountList('limit="4"')
    await list.updateComplete
    const placeholder = shadow(list).querySelector('[part="skeleton"]')
    expect(placeholder?.getAttribute('aria-busy')).to.equal('true')
    expect(placeholder?.querySelectorAll('li')).to.have.length(4)
    expect(shadow(list).querySelector('[role="status"]'), 'live region from the start').to.exist
    await expectAccessible(list)

    await waitFor(() => shadow(list).querySelector('[part="list"]'), 'the list')
    const expected = await publicGet<{ data: Initiative[] }>('/v1/initiatives?limit=4')
    expect(shadow(list).querySelector('[part="list"]')?.localName).to.equal('ul')
    expect(titles(list)).to.deep.equal(expected.data.map((initiative) => initiative.title))
    expect(loads.at(-1)?.detail).to.deep.include({ count: 4 })
    expect(loads.at(-1)?.detail.next_cursor).to.be.a('string')
    const first = articles(list)[0]
    expect(first?.querySelector('[part="date"]')).to.exist
    expect(text(first?.querySelector('[part="kind"]'))).to.not.equal('')
    const calendar = first?.querySelector<HTMLAnchorElement>('[part="calendar-link"]')
    expect(calendar?.href).to.contain(`/v1/initiatives/${expected.data[0]?.id}/calendar.ics?key=${testApi().key}`)
    expect(text(first?.querySelector('[part="rsvp-button"]'))).to.contain('Je participe')
    await expectAccessible(list)
    document.removeEventListener('relais-load', listener)
  })

  it('keeps its height from the placeholders to the first page with its filters and "Voir plus"', async () => {
    const { api, key } = testApi()
    const column = mount<HTMLDivElement>(`<div style="width: 800px">
      <relais-event-list api="${api}" key="${key}" show-filters limit="5"></relais-event-list>
    </div>`)
    const list = column.querySelector('relais-event-list') as RelaisEventList
    await list.updateComplete
    expect(shadow(list).querySelector('[part="skeleton"]'), 'the placeholders').to.exist
    const reserved = list.getBoundingClientRect().height
    await expectAccessible(list)
    await waitFor(() => articles(list).length === 5 && shadow(list).querySelector('select'), 'the page and filters')
    await waitFor(() => shadow(list).querySelector('[part="more-button"]'), '"Voir plus"')
    expect(list.getBoundingClientRect().height).to.equal(reserved)
    await expectAccessible(list)
  })

  it('shows a helpful word when nothing is planned', async () => {
    const list = mountList(`tag="${uniqueTag('rien')}"`)
    const notice = await ready(list)
    expect(notice.getAttribute('part')).to.equal('empty')
    expect(text(notice)).to.contain('Aucune action prévue pour le moment. Revenez bientôt ou proposez-en une !')
    await expectAccessible(list)
  })

  it('shows an error with a retry button, and tells the page', async () => {
    const errors: CustomEvent[] = []
    document.addEventListener('relais-error', (e) => errors.push(e as CustomEvent), { once: true })
    const list = mount<RelaisEventList>(
      `<relais-event-list api="${testApi().api}" key="pk_live_wrong"></relais-event-list>`,
    )
    const alert = await waitFor(() => shadow(list).querySelector('[part="error"]'), 'the error')
    expect(alert.getAttribute('role')).to.equal('alert')
    expect(errors).to.have.length(1)
    await expectAccessible(list)
    alert.querySelector('button')?.click()
    await list.updateComplete
    expect(shadow(list).querySelector('[part="skeleton"]'), 'the retry loads again').to.exist
    await waitFor(() => shadow(list).querySelector('[part="error"]'), 'the error again')
  })

  it('loads the next pages with "Voir plus", without duplicates, moving focus to the first new one', async () => {
    const list = mountList('limit="5"')
    await waitFor(() => articles(list).length === 5, 'the first page')
    const expected = await publicGet<{ data: Initiative[] }>('/v1/initiatives?limit=20')
    for (const shown of [10, 15, 20]) {
      const more = shadow(list).querySelector<HTMLButtonElement>('[part="more-button"]')
      expect(text(more)).to.equal('Voir plus')
      more?.click()
      await waitFor(() => articles(list).length === shown, `${shown} initiatives`)
      await list.updateComplete
      const firstNew = articles(list)[shown - 5]?.querySelector('h3')
      expect(shadow(list).activeElement).to.equal(firstNew)
    }
    const ids = articles(list).map((article) => article.getAttribute('aria-labelledby'))
    expect(new Set(ids).size).to.equal(20)
    expect(ids).to.deep.equal(expected.data.map((initiative) => `t-${initiative.id}`))
    expect(text(shadow(list).querySelector('[role="status"]'))).to.contain('5 actions de plus')
    await expectAccessible(list)
  })

  it('shows only the kinds asked for, and only places near a postcode', async () => {
    const byKind = mountList('kind="meeting,rally" limit="20"')
    await waitFor(() => articles(byKind).length === 20, 'meetings and rallies')
    const kinds = new Set(articles(byKind).map((article) => text(article.querySelector('[part="kind"]'))))
    expect([...kinds].every((kind) => kind === 'Réunion' || kind === 'Meeting')).to.equal(true)

    const near = mountList('near="75011" limit="30"')
    await waitFor(() => articles(near).length === 30, 'initiatives near 75011')
    for (const article of articles(near)) expect(text(article.querySelector('[part="place"]'))).to.match(/Paris/)
  })

  it('shows the group of <relais-config> with its subgroups, or without them when asked', async () => {
    const { api, key } = testApi()
    const groups = await publicGet<{ data: { id: string; name: string }[] }>('/v1/groups?kind=federation&q=Paris')
    const federation = groups.data.find((group) => group.name === 'Fédération de Paris')?.id
    const expected = async (query: string) =>
      (await publicGet<{ data: Initiative[] }>(`/v1/initiatives?group=${federation}&limit=5${query}`)).data.map(
        (initiative) => initiative.title,
      )
    const config = mount(`<relais-config api="${api}" key="${key}" group="${federation}">
      <relais-event-list></relais-event-list><relais-event-list include-subgroups="false"></relais-event-list>
    </relais-config>`)
    const [withSubgroups, alone] = [...config.querySelectorAll('relais-event-list')] as RelaisEventList[]
    if (!withSubgroups || !alone) throw new Error('two lists')
    await Promise.all([ready(withSubgroups), ready(alone)])
    expect(titles(withSubgroups)).to.deep.equal(await expected(''))
    expect(titles(alone)).to.deep.equal(await expected('&include_subgroups=false'))
    expect(titles(alone)).to.not.deep.equal(titles(withSubgroups))
  })

  it('filters by kind and "near me" from its own fields, with an error tied to a wrong postcode', async () => {
    const list = mountList('show-filters limit="10"')
    await waitFor(() => articles(list).length === 10, 'the list')
    await expectAccessible(list)
    const select = await waitFor(() => shadow(list).querySelector('select'), 'the filters')
    select.value = 'phone_bank'
    select.dispatchEvent(new Event('change'))
    await waitFor(
      () =>
        articles(list).length > 0 && articles(list).every((a) => text(a.querySelector('[part="kind"]')) === 'Phoning'),
      'phone banks only',
    )
    const input = shadow(list).querySelector('input[name="near"]') as HTMLInputElement
    input.value = '750'
    shadow(list).querySelector<HTMLButtonElement>('form button')?.click()
    await list.updateComplete
    expect(input.getAttribute('aria-invalid')).to.equal('true')
    const hint = shadow(list).getElementById(input.getAttribute('aria-describedby') ?? '')
    expect(text(hint)).to.contain('cinq chiffres')
    expect(shadow(list).activeElement).to.equal(input)
    await expectAccessible(list)

    input.value = '75011'
    shadow(list).querySelector<HTMLButtonElement>('form button')?.click()
    await waitFor(
      () =>
        articles(list).length > 0 && articles(list).every((a) => /Paris/.test(text(a.querySelector('[part="place"]')))),
      'phone banks near 75011',
    )
    expect(input.getAttribute('aria-invalid')).to.equal('false')
    expect(text(shadow(list).querySelector('[role="status"]'))).to.match(/\d+ actions affichées/)
  })

  it("shows times in the initiative's own zone, naming it, to a visitor in New York", async () => {
    const tag = uniqueTag('fuseau')
    await publishInitiative({
      title: 'Réunion du soir',
      starts_at: '2027-01-15T18:30:00+01:00',
      ends_at: '2027-01-15T20:30:00+01:00',
      tags: [tag],
    })
    const list = mountList(`tag="${tag}"`)
    await waitFor(() => articles(list).length === 1, 'the initiative')
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York')
    const schedule = text(articles(list)[0]?.querySelector('time'))
    expect(schedule).to.contain('vendredi 15 janvier, 18:30 – 20:30')
    expect(schedule).to.match(/UTC\+1|CET/)
    expect(text(articles(list)[0]?.querySelector('[part="date"]'))).to.match(/janv\.?\s*15/)
  })

  it('renders HTML written in a title as text', async () => {
    const tag = uniqueTag('balise')
    await publishInitiative({ title: '<img src=x onerror=alert(1)> Soirée', tags: [tag] })
    const list = mountList(`tag="${tag}"`)
    await waitFor(() => articles(list).length === 1, 'the initiative')
    expect(shadow(list).querySelector('img')).to.equal(null)
    expect(titles(list)[0]).to.equal('<img src=x onerror=alert(1)> Soirée')
  })

  it('speaks English when asked, and French again when the lang attribute changes', async () => {
    const tag = uniqueTag('langue')
    await publishInitiative({ kind: 'phone_bank', capacity: 5, tags: [tag] })
    const list = mountList(`tag="${tag}" lang="en"`)
    await waitFor(() => articles(list).length === 1, 'the initiative')
    const article = () => articles(list)[0]
    expect(text(article()?.querySelector('[part="kind"]'))).to.equal('Phone bank')
    expect(text(article()?.querySelector('[part="spots"]'))).to.equal('5 spots left')
    expect(text(article()?.querySelector('time'))).to.contain('Friday 15 January')
    expect(text(article()?.querySelector('[part="rsvp-button"]'))).to.contain("I'll be there")
    list.setAttribute('lang', 'fr')
    await list.updateComplete
    expect(text(article()?.querySelector('[part="kind"]'))).to.equal('Phoning')
    expect(text(article()?.querySelector('[part="spots"]'))).to.equal('5 places restantes')
    expect(text(article()?.querySelector('time'))).to.contain('vendredi 15 janvier')
    await expectAccessible(list)
  })

  it('says when an initiative is full, and links out to the event page in link mode', async () => {
    const tag = uniqueTag('complet')
    const full = await publishInitiative({ capacity: 1, waitlist_enabled: false, tags: [tag] })
    await registerSomeone(full.id, 'plein')
    const open = await publishInitiative({
      tags: [tag],
      starts_at: '2027-01-16T10:00:00+01:00',
      ends_at: '2027-01-16T12:00:00+01:00',
    })
    const list = mountList(`tag="${tag}" rsvp="link" event-url="https://candidate.example/agenda?id={id}" theme="dark"`)
    await waitFor(() => articles(list).length === 2, 'both initiatives')
    const [first, second] = articles(list)
    expect(text(first?.querySelector('[part="spots"]'))).to.equal('Complet')
    expect(first?.querySelector('[part="rsvp-button"]'), 'no RSVP when full').to.equal(null)
    const link = second?.querySelector<HTMLAnchorElement>('a[part="rsvp-button"]')
    expect(link?.href).to.equal(`https://candidate.example/agenda?id=${open.id}`)
    expect(second?.querySelector<HTMLAnchorElement>('h3 a')?.href).to.equal(link?.href)
    await expectAccessible(list)
  })

  it('opens the RSVP form under the initiative, and asks to confirm by e-mail without taking a spot', async () => {
    const tag = uniqueTag('en-ligne')
    const initiative = await publishInitiative({ capacity: 3, tags: [tag] })
    const list = mountList(`tag="${tag}"`)
    await waitFor(() => articles(list).length === 1, 'the initiative')
    expect(customElements.get('relais-event'), 'the form is not loaded before it is wanted').to.equal(undefined)
    const button = articles(list)[0]?.querySelector('[part="rsvp-button"]') as HTMLButtonElement
    expect(button.getAttribute('aria-expanded')).to.equal('false')
    button.click()
    const event = await waitFor(() => shadow(list).querySelector('relais-event'), 'the inline form')
    await list.updateComplete
    expect(button.getAttribute('aria-expanded')).to.equal('true')
    expect(button.getAttribute('aria-controls')).to.equal(event.parentElement?.id)
    await waitFor(() => event.shadowRoot?.querySelector('form'), 'the form')
    await expectAccessible(list)

    const rsvps: CustomEvent[] = []
    const listener = (e: Event) => rsvps.push(e as CustomEvent)
    document.addEventListener('relais-rsvp', listener)
    const visitor = person('liste')
    fill(event, visitor)
    submit(event)
    await waitFor(() => event.shadowRoot?.querySelector('[part="success"]'), 'the success message')
    document.removeEventListener('relais-rsvp', listener)
    expect(rsvps).to.have.length(1)
    expect(rsvps[0]?.target, 'the page hears it from the list').to.equal(list)
    expect(rsvps[0]?.detail).to.deep.equal({
      initiative_id: initiative.id,
      status: 'pending_confirmation',
      spots_left: 3,
    })
    await list.updateComplete
    expect(text(articles(list)[0]?.querySelector('[part="spots"]'))).to.equal('3 places restantes')
    await expectAccessible(list)
    // The place is taken by the link of the e-mail sent to the visitor, not by the form.
    const recorded = await adminCall<{ data: unknown[] }>('GET', `/v1/initiatives/${initiative.id}/rsvps`)
    expect(recorded.body.data).to.deep.equal([])
  })
})
