import { expect } from 'chai'
import { cleanup, mount, testApi, waitFor } from './helpers.js'

// dist/ is what a site that bundles its own JavaScript imports from npm: unbundled modules that
// import `lit` by name. Here the test server resolves that name the way a bundler would.
const distEntry = (name: string) => new URL(`../dist/components/${name}/index.js`, import.meta.url).href

describe('dist/ (the npm build)', () => {
  afterEach(cleanup)

  it('defines a widget that loads its data and speaks English from separate modules', async () => {
    await import(distEntry('event-list'))
    expect(customElements.get('relais-event-list')).to.exist
    const { api, key } = testApi()
    const list = mount<HTMLElement>(`<relais-event-list api="${api}" key="${key}" lang="en"></relais-event-list>`)
    const item = await waitFor(() => list.shadowRoot?.querySelector('[part="initiative"]'), 'an initiative')
    expect(item.querySelector('[part="calendar-link"]')?.textContent).to.contain('Add to calendar')
    expect(list.shadowRoot?.querySelector('[part="rsvp-button"]')?.textContent).to.contain("I'll be there")
  })

  it('carries the package version in the page-wide Relais namespace', async () => {
    await import(distEntry('counter'))
    const { version } = (globalThis as unknown as { Relais: { version: string } }).Relais
    expect(version).to.match(/^\d+\.\d+\.\d+/)
  })
})
