import { expect } from 'chai'
import type { RelaisNamespace } from '../src/internal/namespace.js'
import { addModuleScript, cleanup, expectAccessible, mount, testApi, waitFor } from './helpers.js'

// The loader as a webmaster uses it: the BUILT `relais.js`, served by the real API on another
// origin than this page, loaded by a module script. Nothing here imports widget code itself.
const tags = [
  'relais-event-list',
  'relais-event',
  'relais-signup-form',
  'relais-group-finder',
  'relais-activity-feed',
  'relais-counter',
]

const relais = () => globalThis.Relais as RelaisNamespace
const shadowText = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const requested = () => [
  ...new Set(
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(`${testApi().api}/widgets/`)),
  ),
]

async function members(group?: string): Promise<number> {
  const { api, key } = testApi()
  const query = group ? `?group=${group}` : ''
  const response = await fetch(`${api}/v1/stats${query}`, { headers: { authorization: `Bearer ${key}` } })
  return ((await response.json()) as { members_active: number }).members_active
}

/** The number a counter shows, once it has it. */
async function countShown(counter: Element): Promise<number> {
  await waitFor(
    () => counter.shadowRoot?.querySelector('[aria-busy="false"]'),
    `${counter.localName} to show its count`,
  )
  const text = counter.shadowRoot?.querySelector('[part="count"]')?.textContent ?? ''
  return Number(text.replace(/\D/g, ''))
}

const pageErrors: string[] = []
window.addEventListener('error', (event) => pageErrors.push(String(event.message)))

describe('the loader, relais.js, served by the API', () => {
  const loader = () => `${testApi().api}/widgets/v1/relais.js`

  before(() => addModuleScript(loader()))
  afterEach(cleanup)

  it('is served cross-origin as JavaScript and loads no widget before its tag is on the page', async () => {
    const response = await fetch(loader())
    expect(response.headers.get('content-type')).to.contain('text/javascript')
    expect(relais().version).to.match(/^\d+\.\d+\.\d+/)
    expect(relais().scriptOrigin).to.equal(testApi().api)
    // Time for any eager import to show up, had there been one.
    await new Promise((r) => setTimeout(r, 300))
    for (const tag of tags) expect(customElements.get(tag), tag).to.equal(undefined)
    expect(requested()).to.deep.equal([loader()])
  })

  it('upgrades a tag a single-page app adds later, and talks to the API the script came from', async () => {
    const { api, key } = testApi()
    // As a framework would: a subtree built off-page, then inserted in one go.
    const view = document.createElement('div')
    view.innerHTML = `<section><h2>Nos adhérents</h2>
      <relais-counter key="${key}" refresh="0"><a href="https://example.org/adherer">Rejoignez-nous</a></relais-counter>
    </section>`
    document.body.append(view)
    const counter = view.querySelector('relais-counter') as HTMLElement
    await waitFor(() => customElements.get('relais-counter'), 'relais-counter to be defined')
    expect(await countShown(counter)).to.equal(await members())
    expect(counter.getAttribute('api')).to.equal(null)
    await expectAccessible(counter)
    // Its code came from the API's origin: the widget file and the shared chunk it imports.
    expect(requested()).to.include(`${api}/widgets/v1/relais-counter.js`)
    expect(requested().some((name) => name.startsWith(`${api}/widgets/v1/chunks/`))).to.equal(true)
    // Only what the page shows is loaded.
    expect(customElements.get('relais-event-list')).to.equal(undefined)
    expect(requested()).not.to.include(`${api}/widgets/v1/relais-event-list.js`)
  })

  it('also upgrades a tag appended on its own, not inside a new subtree', async () => {
    const { key } = testApi()
    const container = mount<HTMLDivElement>('<div></div>')
    const finder = document.createElement('relais-group-finder')
    finder.setAttribute('key', key)
    container.append(finder)
    await waitFor(() => customElements.get('relais-group-finder'), 'relais-group-finder to be defined')
    await waitFor(() => finder.shadowRoot?.querySelector('form'), 'the search form')
  })

  it('gives widgets the key and group of the <relais-config> around them', async () => {
    const { api, key } = testApi()
    const groups = await fetch(`${api}/v1/groups?kind=federation&limit=1`, {
      headers: { authorization: `Bearer ${key}` },
    })
    const federation = ((await groups.json()) as { data: { id: string }[] }).data[0]?.id ?? ''
    expect(federation).to.match(/^grp_/)
    const config = mount(`<relais-config key="${key}" group="${federation}" lang="en">
      <relais-counter refresh="0"></relais-counter>
    </relais-config>`)
    const counter = config.querySelector('relais-counter') as Element
    const [shown, expected] = await Promise.all([countShown(counter), members(federation)])
    expect(shown).to.equal(expected)
    expect(expected).to.be.below(await members())
    expect(shadowText(counter)).to.contain('members')
  })

  it('gives widgets the defaults of Relais.configure', async () => {
    const { key } = testApi()
    relais().configure({ key, lang: 'en' })
    try {
      const counter = mount('<relais-counter metric="initiatives" refresh="0"></relais-counter>')
      expect(await countShown(counter)).to.be.above(0)
      expect(shadowText(counter)).to.contain('upcoming actions')
      // The widget's own attribute still wins over the page default.
      const french = mount('<relais-counter lang="fr" refresh="0"></relais-counter>')
      await countShown(french)
      expect(shadowText(french)).to.contain('membres')
    } finally {
      relais().defaults = {}
    }
  })

  it('keeps working when a page loads the loader twice, even from two versions', async () => {
    const { api, key } = testApi()
    const namespace = relais()
    const counterClass = customElements.get('relais-counter')
    const versioned = `${api}/widgets/${namespace.version}/relais.js`
    // Another URL makes the browser run the module again, as a second copy pasted in a page would.
    await addModuleScript(`${loader()}?twice`)
    await addModuleScript(versioned)
    // A widget bundle imported once more, from another path: its definition must be skipped.
    await import(`${api}/widgets/${namespace.version}/relais-counter.js`)
    expect(relais()).to.equal(namespace)
    expect(customElements.get('relais-counter')).to.equal(counterClass)
    // Two loaders now race for a tag neither has loaded yet: one definition wins, no error.
    const list = mount(`<relais-event-list key="${key}" limit="2"></relais-event-list>`)
    await waitFor(() => list.shadowRoot?.querySelector('[part="initiative"]'), 'the initiatives')
    const counter = mount(`<relais-counter key="${key}" refresh="0"></relais-counter>`)
    expect(await countShown(counter)).to.equal(await members())
    expect(pageErrors).to.deep.equal([])
  })
})
