import { adminCall, testApi } from '../../../test/helpers.js'
import type { Schemas } from '../../internal/api.js'
import type { Initiative } from './initiative.js'

// Test data made through the API, as an organizer would: each test gets initiatives of its own,
// told apart from the demo data by a tag nobody else uses.

let section: Promise<string> | undefined

/** A section of the demo organization, to organize the test initiatives. */
function aSection(): Promise<string> {
  section ??= publicGet<{ data: { id: string }[] }>('/v1/groups?kind=section&limit=1').then((page) => {
    const id = page.data[0]?.id
    if (!id) throw new Error('the demo data has no section')
    return id
  })
  return section
}

/** A GET with the publishable key, as the widgets make it. */
export async function publicGet<T>(path: string): Promise<T> {
  const { api, key } = testApi()
  const response = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${key}` } })
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`)
  return (await response.json()) as T
}

/** A tag found on no other initiative. */
export const uniqueTag = (name: string) => `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** Creates then publishes an initiative (a meeting in Paris 11e, 18:30–20:30 Paris time, unless told otherwise). */
export async function publishInitiative(fields: Partial<Schemas['InitiativeCreate']> = {}): Promise<Initiative> {
  const created = await adminCall<Initiative>('POST', '/v1/initiatives', {
    group_id: await aSection(),
    kind: 'meeting',
    title: 'Réunion de test',
    starts_at: '2027-01-15T18:30:00+01:00',
    ends_at: '2027-01-15T20:30:00+01:00',
    timezone: 'Europe/Paris',
    location: { name: 'Salle Olympe de Gouges', address: '15 rue Merlin', postcode: '75011' },
    ...fields,
  })
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`)
  const published = await adminCall<Initiative>('POST', `/v1/initiatives/${created.body.id}/publish`)
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`)
  return published.body
}

/** Someone registers (for the setup of a test): an RSVP with the participation consent. */
export async function registerSomeone(initiativeId: string, name: string) {
  const texts = await publicGet<{ data: { id: string }[] }>('/v1/consent-texts?purpose=event_participation&language=fr')
  const answer = await adminCall<{ status: string }>('POST', `/v1/initiatives/${initiativeId}/rsvps`, {
    email: `${name}.${Date.now()}@example.org`,
    given_name: 'Camille',
    family_name: name,
    postcode: '75011',
    consents: [{ purpose: 'event_participation', text_id: texts.data[0]?.id }],
  })
  if (answer.status !== 201) throw new Error(`rsvp: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

/** Types as a visitor would, each value into the input of that name, and ticks the consent box. */
export function fill(event: Element, values: Record<string, string>, consent = true) {
  for (const [name, value] of Object.entries(values)) {
    const input = (event.shadowRoot as ShadowRoot).querySelector<HTMLInputElement>(`input[name="${name}"]`)
    if (!input) throw new Error(`no input ${name}`)
    input.value = value
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }
  if (consent) (event.shadowRoot as ShadowRoot).querySelector<HTMLInputElement>('input[name="consent"]')?.click()
}

/** Sends the RSVP form. */
export const submit = (event: Element) =>
  (event.shadowRoot as ShadowRoot).querySelector<HTMLButtonElement>('[part="submit-button"]')?.click()

/** A visitor with a fresh e-mail address. */
export const person = (name: string) => ({
  given_name: 'Camille',
  family_name: name,
  email: `${name}.${Date.now()}@example.org`,
  postcode: '75011',
})
