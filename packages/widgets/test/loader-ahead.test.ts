import { expect } from 'chai'
import type { RelaisEventList } from '../src/components/event-list/event-list.js'
import { addModuleScript, mount, testApi, waitFor } from './helpers.js'

// The built loader on a page whose lists are there before it runs, as on a candidate's page: it
// asks for each list's first page at once, beside the list's code, and the list takes that answer
// instead of asking again once defined.

const listRequests = (limit: number) =>
  performance
    .getEntriesByType('resource')
    .filter((entry) => entry.name.includes('/v1/initiatives?') && entry.name.endsWith(`limit=${limit}`))

describe('the loader with event lists on the page', () => {
  it("asks for a list's first page before the list is defined, and the list uses that answer", async () => {
    const { api, key } = testApi()
    const defined = customElements.whenDefined('relais-event-list').then(() => performance.now())
    const page = mount(`<div>
      <relais-event-list key="${key}" limit="2"></relais-event-list>
      <relais-event-list key="${key}" limit="4"></relais-event-list>
    </div>`)
    const [byAttributes, byProperty] = [...page.querySelectorAll('relais-event-list')] as RelaisEventList[]
    if (!byAttributes || !byProperty) throw new Error('two lists')
    // A framework setting a property before the code arrives: the list asks for what it shows.
    byProperty.limit = 3
    await addModuleScript(`${api}/widgets/v1/relais.js`)
    const articles = (list: Element) => list.shadowRoot?.querySelectorAll('[part="initiative"]').length
    await waitFor(() => articles(byAttributes) === 2 && articles(byProperty) === 3, 'both lists')
    const [asked, ...again] = listRequests(2)
    expect(again, 'one request for the list read from its attributes').to.deep.equal([])
    expect(asked?.startTime).to.be.below(await defined)
    expect(listRequests(4), 'asked ahead, unused').to.have.length(1)
    expect(listRequests(3), "the list's own request").to.have.length(1)
  })
})
