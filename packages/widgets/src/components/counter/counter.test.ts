import { expect } from 'chai'
import { cleanup, expectAccessible, mount, testApi, waitFor } from '../../../test/helpers.js'
import './index.js'
import type { RelaisCounter } from './counter.js'

const shadowText = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? ''

async function stats(query = '') {
  const { api, key } = testApi()
  const response = await fetch(`${api}/v1/stats${query}`, { headers: { authorization: `Bearer ${key}` } })
  return (await response.json()) as { members_active: number; initiatives_upcoming: number }
}

describe('relais-counter', () => {
  afterEach(cleanup)

  it('reserves its place with a placeholder while loading, then shows the count', async () => {
    const { api, key } = testApi()
    const counter = mount<RelaisCounter>(`<relais-counter api="${api}" key="${key}" refresh="0"></relais-counter>`)
    await counter.updateComplete
    expect(shadowText(counter)).to.contain('–')
    expect(counter.shadowRoot?.querySelector('[aria-busy="true"]')).to.exist
    await expectAccessible(counter)
    const expected = (await stats()).members_active
    await waitFor(() => counter.shadowRoot?.querySelector('[aria-busy="false"]'), 'the count')
    const shown = counter.shadowRoot?.querySelector('[part="count"]')?.textContent ?? ''
    expect(Number(shown.replace(/\D/g, ''))).to.equal(expected)
    expect(shadowText(counter)).to.contain('membres')
    await expectAccessible(counter)
  })

  it('keeps the size of its placeholder when the count arrives, so nothing around it moves', async () => {
    const { api, key } = testApi()
    const counter = mount<RelaisCounter>(`<relais-counter api="${api}" key="${key}" refresh="0"></relais-counter>`)
    await counter.updateComplete
    const box = () => {
      const { width, height } = counter.getBoundingClientRect()
      const label = counter.shadowRoot?.querySelector('[part="label"]')?.getBoundingClientRect()
      return { width, height, labelTop: label?.top, labelLeft: label?.left }
    }
    const placeholder = box()
    await waitFor(() => counter.shadowRoot?.querySelector('[aria-busy="false"]'), 'the count')
    expect(counter.shadowRoot?.querySelector('[part="count"]')?.textContent).to.match(/\d/)
    expect(box()).to.deep.equal(placeholder)
  })

  it('speaks English when asked and counts upcoming initiatives', async () => {
    const { api, key } = testApi()
    const counter = mount<RelaisCounter>(
      `<relais-counter api="${api}" key="${key}" metric="initiatives" lang="en" refresh="0"></relais-counter>`,
    )
    const expected = (await stats()).initiatives_upcoming
    await waitFor(() => counter.shadowRoot?.querySelector('[aria-busy="false"]'), 'the count')
    expect(shadowText(counter)).to.contain('upcoming actions')
    expect(shadowText(counter)).to.contain(new Intl.NumberFormat('en-GB').format(expected))
    counter.setAttribute('lang', 'fr')
    await counter.updateComplete
    expect(shadowText(counter)).to.contain('actions à venir')
  })

  it('shows a helpful error with a retry button, and tells the page', async () => {
    const { api } = testApi()
    const errors: CustomEvent[] = []
    document.addEventListener('relais-error', (e) => errors.push(e as CustomEvent), { once: true })
    const counter = mount<RelaisCounter>(
      `<relais-counter api="${api}" key="pk_live_wrongwrongwrong" refresh="0"></relais-counter>`,
    )
    const alert = await waitFor(() => counter.shadowRoot?.querySelector('[role="alert"]'), 'the error')
    expect(alert.textContent).to.contain("n'est pas autorisé")
    expect(alert.querySelector('button')?.textContent).to.contain('Réessayer')
    expect(errors[0]?.detail.status).to.equal(401)
    await expectAccessible(counter)
  })
})
