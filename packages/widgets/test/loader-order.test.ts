import { expect } from 'chai'
import { addModuleScript, mount, testApi, waitFor } from './helpers.js'

// The loader on a page whose main content is an event list, as the built `relais.js` runs it: in a
// page of its own, where no widget is defined yet.

const codeRequested = (file: string) =>
  performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(`/widgets/v1/${file}`))?.startTime

describe('the loader on a page with an event list', () => {
  it('loads the other widgets once the list has shown its first page, so they do not delay it', async () => {
    const { api, key } = testApi()
    let listShownAt = 0
    document.addEventListener('relais-load', (event) => {
      if ((event.target as Element).localName === 'relais-event-list') listShownAt ||= performance.now()
    })
    // The counter comes first on the page, as in a hero above the list.
    const page = mount(`<div>
      <relais-counter key="${key}" refresh="0"></relais-counter>
      <relais-event-list key="${key}" limit="2"></relais-event-list>
    </div>`)
    await addModuleScript(`${api}/widgets/v1/relais.js`)
    const counter = page.querySelector('relais-counter') as Element
    await waitFor(() => counter.shadowRoot?.querySelector('[aria-busy="false"]'), 'the counter to show its count')
    expect(page.querySelector('relais-event-list')?.shadowRoot?.querySelector('[part="initiative"]')).to.exist
    const listCode = codeRequested('relais-event-list.js') ?? Number.NaN
    const counterCode = codeRequested('relais-counter.js') ?? Number.NaN
    expect(listShownAt).to.be.above(0)
    // After the list's first page, or a second after its code was asked for if the page were slower.
    expect(counterCode).to.be.above(Math.min(listShownAt, listCode + 1000))
  })
})
