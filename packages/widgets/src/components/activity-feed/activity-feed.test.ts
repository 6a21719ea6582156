import { emulateMedia } from '@web/test-runner-commands'
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
import { publicGet } from '../event/event.fixtures.js'
import './index.js'
import type { RelaisActivityFeed } from './activity-feed.js'

const shadow = (el: Element) => el.shadowRoot as ShadowRoot
const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const sentences = (feed: Element) => [...shadow(feed).querySelectorAll('[part="sentence"]')].map((node) => text(node))
const announced = (feed: Element) => text(shadow(feed).querySelector('[role="status"]'))

let national: Promise<string> | undefined

/** A new group of the demo organization (its creation is itself an activity of the group). */
async function createGroup(name: string, parent?: string): Promise<string> {
  national ??= publicGet<{ data: { id: string }[] }>('/v1/groups?kind=national').then((page) => page.data[0]?.id ?? '')
  const created = await adminCall<{ id: string }>('POST', '/v1/groups', {
    kind: 'thematic',
    name,
    parent_id: parent ?? (await national),
  })
  if (created.status !== 201) throw new Error(`group: ${created.status} ${JSON.stringify(created.body)}`)
  return created.body.id
}

const unique = (name: string) => `${name} ${Math.random().toString(36).slice(2, 7)}`

function mountFeed(attributes: string) {
  const { api, key } = testApi()
  return mount<RelaisActivityFeed>(
    `<relais-activity-feed api="${api}" key="${key}" ${attributes}></relais-activity-feed>`,
  )
}

const settled = (feed: Element) =>
  waitFor(() => shadow(feed).querySelector('[part="list"], [part="empty"], [part="error"]'), 'the feed to load')

/** Records the EventSource instances the widget opens, to see them closed. */
function recordEventSources() {
  const Original = window.EventSource
  const opened: EventSource[] = []
  window.EventSource = class extends Original {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init)
      opened.push(this)
    }
  }
  return { opened, restore: () => (window.EventSource = Original) }
}

describe('relais-activity-feed', () => {
  afterEach(cleanup)

  it('reserves its rows while loading, then shows the latest activity, newest first', async () => {
    const group = await createGroup(unique('Culture'))
    const first = unique('Cinéma')
    const second = unique('Théâtre')
    await createGroup(first, group)
    await createGroup(second, group)
    const loads: CustomEvent[] = []
    const onLoad = (e: Event) => loads.push(e as CustomEvent)
    document.addEventListener('relais-load', onLoad)
    const feed = mountFeed(`group="${group}" limit="2"`)
    await feed.updateComplete
    const placeholder = shadow(feed).querySelector('[part="skeleton"]')
    expect(placeholder?.getAttribute('aria-busy')).to.equal('true')
    expect(placeholder?.querySelectorAll('li')).to.have.length(2)
    expect(shadow(feed).querySelector('[role="status"]'), 'live region from the start').to.exist
    await expectAccessible(feed)

    await waitFor(() => shadow(feed).querySelector('[part="list"]'), 'the list')
    expect(sentences(feed)).to.deep.equal([`Nouveau groupe local : ${second}`, `Nouveau groupe local : ${first}`])
    const time = shadow(feed).querySelector('[part="time"]')
    expect(time?.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/)
    expect(text(time)).to.match(/maintenant|seconde|minute/)
    expect(loads.at(-1)?.detail).to.deep.equal({ count: 2 })
    document.removeEventListener('relais-load', onLoad)
    await expectAccessible(feed)
  })

  it('takes the height of its rows while loading, on a desktop page and a phone', async () => {
    // Sentences of a typical length, as "Nouvelle action : … — commune, date" are.
    const group = await createGroup(unique('Collectif des habitants de Belleville et de Ménilmontant'))
    for (let i = 0; i < 3; i++)
      await createGroup(unique('Collectif des habitants de Belleville et de Ménilmontant'), group)
    const { api, key } = testApi()
    for (const width of [1000, 360]) {
      const feed = mountIn<RelaisActivityFeed>(
        width,
        `<relais-activity-feed api="${api}" key="${key}" group="${group}" limit="3"></relais-activity-feed>`,
      )
      await feed.updateComplete
      expect(shadow(feed).querySelector('[part="skeleton"]')?.getAttribute('aria-busy')).to.equal('true')
      const loading = heightOf(feed)
      await waitFor(() => shadow(feed).querySelector('[part="list"]'), 'the list')
      await feed.updateComplete
      const loaded = heightOf(feed)
      expect(loading, `${width}px wide: ${loading} px loading, ${loaded} px loaded`).to.be.closeTo(loaded, oneLine)
    }
  })

  it('tells the visitor when nothing happened yet', async () => {
    const group = await createGroup(unique('Calme'))
    const feed = mountFeed(`group="${group}" kinds="members_milestone"`)
    const notice = await settled(feed)
    expect(notice.getAttribute('part')).to.equal('empty')
    expect(text(notice)).to.equal("Pas encore d'activité ici. Soyez le premier à agir !")
    await expectAccessible(feed)
  })

  it('explains a refusal with a retry button, and tells the page', async () => {
    const errors: CustomEvent[] = []
    const onError = (e: Event) => errors.push(e as CustomEvent)
    document.addEventListener('relais-error', onError)
    const unknown = mountFeed('group="grp_0000000000000000000000000"')
    const alert = await waitFor(() => shadow(unknown).querySelector('[part="error"]'), 'the error')
    expect(alert.getAttribute('role')).to.equal('alert')
    expect(text(alert)).to.contain("Ce contenu n'existe pas")
    expect(errors[0]?.detail.status).to.equal(404)
    await expectAccessible(unknown)

    const refused = mount<RelaisActivityFeed>(
      `<relais-activity-feed api="${testApi().api}" key="pk_live_wrongwrongwrong"></relais-activity-feed>`,
    )
    await waitFor(() => shadow(refused).querySelector('[part="error"]'), 'the refusal')
    expect(errors).to.have.length(2)
    shadow(refused).querySelector<HTMLButtonElement>('[part="retry-button"]')?.click()
    await refused.updateComplete
    expect(shadow(refused).querySelector('[part="skeleton"]'), 'the retry loads again').to.exist
    await waitFor(() => shadow(refused).querySelector('[part="error"]'), 'the refusal again')
    document.removeEventListener('relais-error', onError)
  })

  it('shows new activity as it happens, announcing it politely', async () => {
    const group = await createGroup(unique('Jeunes'))
    const feed = mountFeed(`group="${group}"`)
    await waitFor(() => shadow(feed).querySelector('[part="list"]'), 'the list')
    const name = unique('Lycéens')
    await createGroup(name, group)
    await waitFor(() => sentences(feed)[0] === `Nouveau groupe local : ${name}`, 'the new group', 5000)
    const arrived = shadow(feed).querySelector('[part="item"]')
    expect(arrived?.classList.contains('fresh')).to.equal(true)
    expect(arrived?.getAnimations(), 'it slides in').to.have.length(1)
    await waitFor(() => announced(feed) === `Nouveau groupe local : ${name}`, 'the announcement')
    await new Promise((resolve) => setTimeout(resolve, 500)) // the arrival animation, half transparent
    await expectAccessible(feed)

    // Several at once are summed up rather than read one by one.
    const names = [unique('A'), unique('B'), unique('C')]
    await Promise.all(names.map((n) => createGroup(n, group)))
    await waitFor(() => sentences(feed).length === 5, 'the three new groups', 5000)
    await waitFor(() => announced(feed) === '3 nouvelles activités', 'the summary')
    // The one that came before keeps its mark of a new item; the demo's creation of the group has none.
    const items = [...shadow(feed).querySelectorAll('[part="item"]')]
    expect(items.map((item) => item.classList.contains('fresh'))).to.deep.equal([true, true, true, true, false])
  })

  it('lets new items appear without motion for visitors who asked for less', async () => {
    await emulateMedia({ reducedMotion: 'reduce' })
    try {
      const group = await createGroup(unique('Calme'))
      const feed = mountFeed(`group="${group}"`)
      await waitFor(() => shadow(feed).querySelector('[part="list"]'), 'the list')
      await createGroup(unique('Doux'), group)
      const arrived = await waitFor(() => shadow(feed).querySelector('.fresh'), 'the new item', 5000)
      expect(arrived.getAnimations()).to.have.length(0)
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' })
    }
  })

  it('switches language with the lang attribute', async () => {
    const group = await createGroup(unique('Europe'))
    const feed = mountFeed(`group="${group}" lang="en"`)
    await waitFor(() => shadow(feed).querySelector('[part="list"]'), 'the list')
    expect(sentences(feed)[0]).to.match(/^New local group: Europe/)
    expect(text(shadow(feed).querySelector('[part="time"]'))).to.match(/now|second|minute/)
    expect(shadow(feed).querySelector('[part="list"]')?.getAttribute('aria-label')).to.equal('Recent activity')
    feed.setAttribute('lang', 'fr')
    await feed.updateComplete
    expect(sentences(feed)[0]).to.match(/^Nouveau groupe local : Europe/)
    expect(shadow(feed).querySelector('[part="list"]')?.getAttribute('aria-label')).to.equal('Activité récente')
  })

  it('renders HTML in a group name as text', async () => {
    const group = await createGroup(unique('Sûreté'))
    const feed = mountFeed(`group="${group}"`)
    await waitFor(() => shadow(feed).querySelector('[part="list"]'), 'the list')
    const name = '<img src=x onerror="window.__relaisPwned=1"><b>gras</b>'
    await createGroup(name, group)
    await waitFor(() => sentences(feed)[0] === `Nouveau groupe local : ${name}`, 'the new group', 5000)
    expect(shadow(feed).querySelector('img, b')).to.equal(null)
    expect((window as { __relaisPwned?: number }).__relaisPwned).to.equal(undefined)
  })

  it('says it is reconnecting while the stream is down, and closes it when removed from the page', async () => {
    const sources = recordEventSources()
    try {
      const feed = mountFeed('limit="3"')
      await waitFor(() => shadow(feed).querySelector('[part="list"]'), 'the list')
      const [source] = sources.opened
      expect(source?.readyState).to.equal(EventSource.OPEN)
      source?.dispatchEvent(new Event('error'))
      await feed.updateComplete
      expect(text(shadow(feed).querySelector('[part="connection"]'))).to.equal('Reconnexion…')
      await expectAccessible(feed)
      source?.dispatchEvent(new Event('open'))
      await feed.updateComplete
      expect(shadow(feed).querySelector('[part="connection"]')).to.equal(null)
      feed.remove()
      expect(source?.readyState).to.equal(EventSource.CLOSED)
      expect(sources.opened).to.have.length(1)
      // Put back on the page, it follows the activity again.
      document.body.lastElementChild?.append(feed)
      await waitFor(() => sources.opened[1]?.readyState === EventSource.OPEN, 'a new stream')
      feed.remove()
      expect(sources.opened[1]?.readyState).to.equal(EventSource.CLOSED)
    } finally {
      sources.restore()
    }
  })

  it('falls back to reading the list where EventSource is missing', async () => {
    const group = await createGroup(unique('Rétro'))
    const original = window.EventSource
    ;(window as { EventSource?: unknown }).EventSource = undefined
    try {
      const feed = mountFeed(`group="${group}"`)
      await waitFor(() => shadow(feed).querySelector('[part="list"]'), 'the list')
      expect(sentences(feed)[0]).to.match(/^Nouveau groupe local : Rétro/)
    } finally {
      window.EventSource = original
    }
  })
})
