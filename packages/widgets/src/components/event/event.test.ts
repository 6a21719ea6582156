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
import { fill, person, publicGet, publishInitiative, registerSomeone, submit, uniqueTag } from './event.fixtures.js'
import type { RelaisEvent } from './event.js'
import './index.js'
import type { Initiative } from './initiative.js'

const shadow = (el: Element) => el.shadowRoot as ShadowRoot
const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const part = (el: Element, name: string) => shadow(el).querySelector(`[part~="${name}"]`)

function mountEvent(attributes: string) {
  const { api, key } = testApi()
  return mount<RelaisEvent>(`<relais-event api="${api}" key="${key}" ${attributes}></relais-event>`)
}

const formShown = (event: Element) => waitFor(() => shadow(event).querySelector('form'), 'the RSVP form')

/** An initiative as most are: a title, a summary, a place with its map, places, two paragraphs, a tag. */
const typical = {
  title: 'Tractage au marché Richard-Lenoir',
  summary: 'Distribution du tract sur la santé de proximité et discussions avec les passants.',
  description:
    'Distribution de notre tract sur la santé de proximité, et discussions avec les passants du marché.\n\n' +
    'Une heure suffit pour être utile : venez quand vous pouvez, le matériel est fourni sur place.',
  capacity: 20,
  location: {
    name: 'Marché Richard-Lenoir',
    address: '9 avenue Aristide-Briand',
    postcode: '75011',
    latitude: 48.8599,
    longitude: 2.3704,
  },
}

/** The height of an event while it loads, then once its initiative and form are shown. */
async function heights(width: number, attributes: string) {
  const { api, key } = testApi()
  const event = mountIn<RelaisEvent>(width, `<relais-event api="${api}" key="${key}" ${attributes}></relais-event>`)
  await event.updateComplete
  expect(part(event, 'skeleton')?.getAttribute('aria-busy'), 'loading').to.equal('true')
  const loading = heightOf(event)
  await formShown(event)
  await event.updateComplete
  return { loading, loaded: heightOf(event) }
}

describe('relais-event', () => {
  afterEach(cleanup)

  it('shows a placeholder, then the initiative in its own zone, its place, map link and calendar', async () => {
    const initiative = await publishInitiative({
      title: 'Réunion publique logement',
      summary: 'Parlons des loyers.',
      capacity: 30,
      tags: [uniqueTag('logement')],
      location: {
        name: 'Salle Olympe de Gouges',
        address: '15 rue Merlin',
        postcode: '75011',
        latitude: 48.8591,
        longitude: 2.3802,
      },
    })
    const event = mountEvent(`initiative="${initiative.id}"`)
    await event.updateComplete
    expect(part(event, 'skeleton')?.getAttribute('aria-busy')).to.equal('true')
    expect(shadow(event).querySelector('[role="status"]'), 'live region from the start').to.exist
    await expectAccessible(event)

    await formShown(event)
    expect(text(part(event, 'title'))).to.equal('Réunion publique logement')
    expect(part(event, 'title')?.localName).to.equal('h2')
    expect(text(part(event, 'kind'))).to.equal('Réunion')
    const when = text(shadow(event).querySelector('time'))
    expect(when).to.contain('vendredi 15 janvier, 18:30 – 20:30')
    expect(when, 'the zone is named to a visitor in New York').to.match(/UTC\+1|CET/)
    const facts = text(part(event, 'facts'))
    expect(facts).to.contain('Salle Olympe de Gouges').and.contain('15 rue Merlin').and.contain('75011')
    expect(text(part(event, 'spots'))).to.equal('30 places restantes')
    const map = part(event, 'map-link') as HTMLAnchorElement
    expect(map.href).to.equal('https://www.openstreetmap.org/?mlat=48.8591&mlon=2.3802#map=16/48.8591/2.3802')
    const calendar = part(event, 'calendar-link') as HTMLAnchorElement
    expect(calendar.href).to.contain(`/v1/initiatives/${initiative.id}/calendar.ics?key=${testApi().key}`)
    const consent = shadow(event).querySelector('label[for="f-consent"]')
    const texts = await publicGet<{ data: { language: string; text: string }[] }>(
      '/v1/consent-texts?purpose=event_participation',
    )
    expect(text(consent)).to.equal(texts.data.find((t) => t.language === 'fr')?.text)
    await expectAccessible(event)
  })

  it('takes the height of the initiative and its form while they load, on a desktop page and a phone', async () => {
    const initiative = await publishInitiative({ ...typical, tags: [uniqueTag('santé')] })
    for (const width of [1000, 360]) {
      const { loading, loaded } = await heights(width, `initiative="${initiative.id}"`)
      expect(loading, `${width}px wide: ${loading} px loading, ${loaded} px loaded`).to.be.closeTo(loaded, oneLine)
    }
    for (const width of [1000, 360]) {
      const { loading, loaded } = await heights(width, `initiative="${initiative.id}" compact`)
      expect(loading, `compact, ${width}px wide: ${loading} px loading, ${loaded} px loaded`).to.be.closeTo(
        loaded,
        oneLine,
      )
    }
  })

  it('says so when no initiative is given', async () => {
    const event = mountEvent('')
    await waitFor(() => part(event, 'empty'), 'the empty notice')
    expect(text(part(event, 'empty'))).to.contain('Aucune action à afficher ici pour le moment')
    await expectAccessible(event)
  })

  it("shows the initiative named in the page's address, as event-url links give it", async () => {
    const initiative = await publishInitiative({ title: 'Réunion lue dans l’adresse' })
    const original = location.href
    const address = new URL(original)
    address.searchParams.set('id', initiative.id)
    history.replaceState(history.state, '', address)
    try {
      const event = mountEvent('')
      await formShown(event)
      expect(text(part(event, 'title'))).to.equal('Réunion lue dans l’adresse')
    } finally {
      history.replaceState(history.state, '', original)
    }
  })

  it('shows an error with a retry button for an unknown initiative, and tells the page', async () => {
    const errors: CustomEvent[] = []
    const listener = (e: Event) => errors.push(e as CustomEvent)
    document.addEventListener('relais-error', listener)
    const event = mountEvent('initiative="ini_doesnotexist0000"')
    const alert = await waitFor(() => part(event, 'error'), 'the error')
    document.removeEventListener('relais-error', listener)
    expect(alert.getAttribute('role')).to.equal('alert')
    expect(text(alert)).to.contain("Ce contenu n'existe pas")
    expect(text(alert.querySelector('button'))).to.equal('Réessayer')
    expect(errors.map((e) => e.detail.status)).to.deep.equal([404])
    await expectAccessible(event)
  })

  it('links an online initiative to its meeting, without a place or map', async () => {
    const initiative = await publishInitiative({
      kind: 'online',
      location: null,
      online_url: 'https://meet.example.org/relais-formation',
    })
    const event = mountEvent(`initiative="${initiative.id}"`)
    await formShown(event)
    const link = part(event, 'online-link') as HTMLAnchorElement
    expect(link.href).to.equal('https://meet.example.org/relais-formation')
    expect(text(link)).to.equal('Rejoindre en ligne (meet.example.org)')
    expect(part(event, 'map-link')).to.equal(null)
    expect(text(part(event, 'kind'))).to.equal('En ligne')
  })

  it('renders HTML in a title or description as text, and links only http(s) addresses', async () => {
    const initiative = await publishInitiative({
      title: '<img src=x onerror=alert(1)>',
      description:
        'Première ligne\n<img src=x onerror=alert(1)>\nProgramme : https://example.org/programme. ' +
        'Pas ceci : javascript:alert(1) ni <a href="javascript:alert(1)">ça</a> (voir https://example.org/a_(b)).',
    })
    const event = mountEvent(`initiative="${initiative.id}"`)
    await formShown(event)
    expect(shadow(event).querySelector('img')).to.equal(null)
    expect(text(part(event, 'title'))).to.equal('<img src=x onerror=alert(1)>')
    const description = part(event, 'description') as HTMLElement
    expect(description.textContent).to.contain('Première ligne\n<img src=x onerror=alert(1)>\nProgramme')
    expect(getComputedStyle(description).whiteSpace).to.equal('pre-line')
    const links = [...description.querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(links).to.deep.equal(['https://example.org/programme', 'https://example.org/a_(b)'])
    expect(text(description)).to.contain('javascript:alert(1)')
  })

  it('asks each visitor to confirm by e-mail, says so in a live region, and takes no place before that', async () => {
    const initiative = await publishInitiative({ capacity: 1, waitlist_enabled: true })
    const rsvps: CustomEvent[] = []
    const listener = (e: Event) => rsvps.push(e as CustomEvent)
    document.addEventListener('relais-rsvp', listener)

    const first = mountEvent(`initiative="${initiative.id}"`)
    await formShown(first)
    expect(text(part(first, 'spots'))).to.equal('1 place restante')
    fill(first, person('premiere'))
    submit(first)
    await first.updateComplete
    expect(part(first, 'submit-button')?.hasAttribute('disabled'), 'disabled while sending').to.equal(true)
    const success = await waitFor(() => part(first, 'success'), 'the success message')
    expect(text(success)).to.equal(
      'Merci ! Vérifiez votre boîte e-mail : cliquez sur le lien que nous venons de vous envoyer pour confirmer ' +
        'votre place. Aucune place n’est réservée avant.',
    )
    expect(success.getAttribute('role'), 'a live region').to.equal('status')
    expect(shadow(first).activeElement).to.equal(success)
    expect(text(part(first, 'spots')), 'no place is taken before the e-mail link').to.equal('1 place restante')
    await expectAccessible(first)

    const second = mountEvent(`initiative="${initiative.id}" lang="en"`)
    await formShown(second)
    fill(second, person('seconde'))
    submit(second)
    const asked = await waitFor(() => part(second, 'success'), 'the English message')
    expect(text(asked)).to.equal(
      'Thank you! Check your e-mail: follow the link we have just sent you to confirm your place. No place is held ' +
        'until then.',
    )
    await expectAccessible(second)
    document.removeEventListener('relais-rsvp', listener)

    expect(rsvps.map((e) => e.detail)).to.deep.equal([
      { initiative_id: initiative.id, status: 'pending_confirmation', spots_left: 1 },
      { initiative_id: initiative.id, status: 'pending_confirmation', spots_left: 1 },
    ])
    const recorded = await adminCall<{ data: unknown[] }>('GET', `/v1/initiatives/${initiative.id}/rsvps`)
    expect(recorded.body.data, 'places are taken by the e-mail links').to.deep.equal([])
  })

  it('puts client and server errors next to their fields, keeps what was typed, and focuses the first', async () => {
    const initiative = await publishInitiative({})
    const event = mountEvent(`initiative="${initiative.id}"`)
    await formShown(event)
    submit(event)
    await waitFor(() => shadow(event).querySelector('[aria-invalid="true"]'), 'the errors')
    const givenName = shadow(event).querySelector<HTMLInputElement>('input[name="given_name"]') as HTMLInputElement
    expect(shadow(event).activeElement).to.equal(givenName)
    const described = shadow(event).getElementById(givenName.getAttribute('aria-describedby') ?? '')
    expect(text(described)).to.equal('Entrez votre prénom.')
    const invalid = [...shadow(event).querySelectorAll('[aria-invalid="true"]')].map((el) => el.getAttribute('name'))
    expect(invalid).to.deep.equal(['given_name', 'family_name', 'email', 'postcode', 'consent'])
    await expectAccessible(event)

    // The browser's e-mail rule lets this one through; the API's does not.
    fill(event, { ...person('erreur'), email: 'camille..martin@example.org' })
    submit(event)
    const email = shadow(event).querySelector<HTMLInputElement>('input[name="email"]') as HTMLInputElement
    await waitFor(
      () => email.getAttribute('aria-invalid') === 'true' && shadow(event).activeElement === email,
      'the server error',
    )
    const emailError = shadow(event).getElementById(email.getAttribute('aria-describedby') ?? '')
    expect(text(emailError)).to.contain('Entrez une adresse e-mail valide')
    expect(email.value, 'what was typed is kept').to.equal('camille..martin@example.org')
    expect(shadow(event).querySelector<HTMLInputElement>('input[name="family_name"]')?.value).to.equal('erreur')
    expect(part(event, 'success')).to.equal(null)
    await expectAccessible(event)
  })

  it('shows a notice instead of the form when the initiative is cancelled, over or full', async () => {
    const cancelled = await publishInitiative({})
    await adminCall('POST', `/v1/initiatives/${cancelled.id}/cancel`)
    const full = await publishInitiative({ capacity: 1, waitlist_enabled: false })
    await registerSomeone(full.id, 'complet')
    const now = new Date().toISOString()
    const past = await publicGet<{ data: Initiative[] }>(
      `/v1/initiatives?from=2020-01-01T00:00:00Z&to=${now}&limit=100`,
    )
    const over = past.data.find((initiative) => Date.parse(initiative.ends_at) < Date.now())
    const cases: [string, string][] = [
      [cancelled.id, 'Cette action a été annulée'],
      [full.id, "Cette action est complète et n'a pas de liste d'attente"],
      [over?.id ?? '', 'Cette action est terminée'],
    ]
    for (const [id, notice] of cases) {
      const event = mountEvent(`initiative="${id}"`)
      const closed = await waitFor(() => part(event, 'closed'), `the notice for ${id}`)
      expect(text(closed)).to.contain(notice)
      expect(shadow(event).querySelector('form')).to.equal(null)
      await expectAccessible(event)
    }
  })

  it('speaks English when asked, and French again when the lang attribute changes', async () => {
    const initiative = await publishInitiative({ kind: 'canvassing', capacity: 10 })
    const event = mountEvent(`initiative="${initiative.id}" lang="en"`)
    await formShown(event)
    expect(text(part(event, 'kind'))).to.equal('Canvassing')
    expect(text(shadow(event).querySelector('label[for="f-given_name"]'))).to.equal('Given name')
    expect(text(shadow(event).querySelector('label[for="f-consent"]'))).to.match(/^I agree/)
    expect(text(shadow(event).querySelector('time'))).to.contain('Friday 15 January, 18:30 – 20:30')
    expect(text(part(event, 'submit-button'))).to.equal('Sign me up')
    event.setAttribute('lang', 'fr')
    await event.updateComplete
    expect(text(part(event, 'kind'))).to.equal('Porte-à-porte')
    expect(text(shadow(event).querySelector('label[for="f-given_name"]'))).to.equal('Prénom')
    expect(text(shadow(event).querySelector('label[for="f-consent"]'))).to.match(/^J'accepte/)
    expect(text(part(event, 'submit-button'))).to.equal("Je m'inscris")
    await expectAccessible(event)
  })

  it('shows only a short header and the form when compact', async () => {
    const initiative = await publishInitiative({ title: 'Phoning du jeudi', kind: 'phone_bank', capacity: 8 })
    const event = mountEvent(`initiative="${initiative.id}" compact`)
    await formShown(event)
    expect(text(part(event, 'title'))).to.equal('Phoning du jeudi')
    expect(text(part(event, 'spots'))).to.equal('8 places restantes')
    expect(part(event, 'facts')).to.equal(null)
    expect(shadow(event).querySelector('h2, h3')).to.equal(null)
    await expectAccessible(event)
  })
})
