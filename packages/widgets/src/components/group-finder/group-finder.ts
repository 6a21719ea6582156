import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit'
import { common, format } from '../../i18n/common.js'
import { formatCount } from '../../i18n/dates.js'
import { ApiError, apiGet, type Schemas } from '../../internal/api.js'
import { type Field, FormState, formStyles } from '../../internal/form.js'
import { type Lang, RelaisElement } from '../../internal/relais-element.js'
import { Resource } from '../../internal/resource.js'
import { busy, buttonPlaceholder, filler, skeleton, skeletonStyles, textPlaceholder } from '../../internal/skeleton.js'
import { empty, failure, safeUrl } from '../../internal/states.js'
import { baseStyles } from '../../internal/styles.js'
import { groupFinderStyles } from './group-finder.styles.js'
import { messages } from './messages.js'

type Group = Schemas['Group']
type Place = Schemas['Place']

/** `detail` of `relais-load`: the postcode searched and the sections found near it, nearest first. */
export interface GroupFinderLoadDetail {
  postcode: string
  groups: string[]
}

interface Found {
  postcode: string
  sections: Group[]
  thematic: Group[]
}

/** "à 2,3 km", or that the section covers the postcode (distance 0). */
function distanceOf(km: number | null | undefined, lang: Lang): string {
  if (km === null || km === undefined) return ''
  return km > 0 ? format(messages[lang].distance, { km: formatCount(km, lang) }) : messages[lang].covers
}

// What a group's line typically says, in characters: "Section Paris 11e", "à 2,3 km".
const typical = { name: 20, distance: 8 }

const isPostcode = (value: string) => /^\d{5}$/.test(value)
const communesOf = (place: Place) => place.communes.map((commune) => commune.name).join(', ')

/**
 * @tagname relais-group-finder
 * @summary Find my local section by postcode or commune, with the sections nearby and the thematic
 * groups, and join one: on your own page, or with the sign-up form opening in place.
 *
 * @attr postcode - A postcode to search at once.
 * @attr radius-km - How far to look for sections, in km (default 20).
 * @attr limit - How many sections to show at most (default 5).
 * @attr join-url - The address of your sign-up page: "Rejoindre" links to it with `?group=<id>`. Without it, the sign-up form opens under the group.
 *
 * @fires relais-load - Results arrived; `detail` is `{ postcode, groups }` (the ids of the sections found, nearest first).
 * @fires relais-signup - Someone joined through the inline form; `detail` is `{ group_id, postcode }`.
 * @fires relais-error - The search failed; `detail` is `{ status, problem }`.
 *
 * @csspart search - The search form.
 * @csspart field - The search field with its label, hint and error.
 * @csspart field-error - The error message of the search field.
 * @csspart submit-button - The "Rechercher" button.
 * @csspart choices - The communes to choose from when the name is ambiguous.
 * @csspart results - The sections found.
 * @csspart heading - The title of a list.
 * @csspart group - One group.
 * @csspart group-name - Its name.
 * @csspart kind - Its kind ("Section locale", "Groupe thématique").
 * @csspart distance - How far it is, or that it covers the postcode.
 * @csspart join-button - The "Rejoindre" button or link.
 * @csspart thematic - The thematic groups.
 * @csspart skeleton - The placeholder while loading.
 * @csspart empty - The notice when no section is near.
 * @csspart error - The error notice.
 *
 * @cssprop --relais-color-accent - Buttons and links.
 * @cssprop --relais-color-border - Around each group.
 * @cssprop --relais-color-danger - The search field's error.
 */
export class RelaisGroupFinder extends RelaisElement {
  static override styles = [baseStyles, formStyles, skeletonStyles, groupFinderStyles]

  static override properties: PropertyDeclarations = {
    postcode: {},
    radiusKm: { attribute: 'radius-km', type: Number },
    limit: { type: Number },
    joinUrl: { attribute: 'join-url' },
    searched: { state: true },
    place: { state: true },
    choices: { state: true },
    resolving: { state: true },
    placesError: { state: true },
    opened: { state: true },
    announcement: { state: true },
  }

  /** A postcode to search at once. */
  postcode = ''
  /** How far to look for sections, in km. */
  radiusKm = 20
  /** How many sections to show at most. */
  limit = 5
  /** The address of your sign-up page; the inline form opens when empty. */
  joinUrl = ''

  /** The postcode whose results are shown, chosen by the visitor. */
  private searched = ''
  /** The commune the visitor picked, to name the place in the title. */
  private place = ''
  private choices: { q: string; places: Place[] } | undefined
  private resolving = false
  private placesError: ApiError | undefined
  /** The group whose sign-up form is open; `''` for the form without a group. */
  private opened: string | undefined
  private announcement = ''
  private resolution: AbortController | undefined
  private focusResults = false

  private form = new FormState(this, () => this.fields())

  private results = new Resource<Found | null>(this, {
    inputs: () => [this.current, this.radius, this.pageSize, this.target.api, this.target.key],
    load: async (signal) => {
      const postcode = this.current
      if (!postcode) return null
      const near = { near: postcode, kind: 'section', radius_km: this.radius, limit: this.pageSize } as const
      const [sections, thematic] = await Promise.all([
        apiGet(this.target, '/v1/groups', { query: near }, signal),
        apiGet(this.target, '/v1/groups', { query: { kind: 'thematic', limit: 20 } }, signal),
      ])
      return { postcode, sections: sections.data, thematic: thematic.data }
    },
    onReady: (found) => void this.arrived(found),
    onError: (error) => this.emit('relais-error', { status: error.status, problem: error.problem }),
  })

  private get current(): string {
    return this.searched || (isPostcode(this.postcode) ? this.postcode : '')
  }

  private get radius() {
    return Math.min(200, Math.max(1, Number(this.radiusKm) || 20))
  }

  private get pageSize() {
    return Math.min(100, Math.max(1, Math.trunc(this.limit) || 5))
  }

  private fields(): Field[] {
    const m = messages[this.language]
    return [
      {
        name: 'q',
        kind: 'text',
        label: m.search,
        hint: m.searchHint,
        required: true,
        maxLength: 100,
        missing: m.searchMissing,
      },
    ]
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('postcode')) {
      this.searched = ''
      this.choices = undefined
      if (this.postcode) this.form.values = { ...this.form.values, q: this.postcode }
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.resolution?.abort()
  }

  private async arrived(found: Found | null) {
    if (!found) return
    const m = messages[this.language]
    this.opened = undefined
    this.announcement = found.sections.length
      ? format(m.found, { postcode: found.postcode, n: found.sections.length })
      : format(m.empty, { postcode: found.postcode })
    this.emit<GroupFinderLoadDetail>('relais-load', {
      postcode: found.postcode,
      groups: found.sections.map((group) => group.id),
    })
    if (!this.focusResults) return
    this.focusResults = false
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('#results-title')?.focus()
  }

  private async search(event: SubmitEvent) {
    event.preventDefault()
    const lang = this.language
    if (!this.form.validate(lang)) return void this.form.focusFirstError()
    const q = this.form.text('q')
    const digits = q.replace(/\s/g, '')
    if (!/^\d+$/.test(digits)) return void this.resolve(q)
    if (isPostcode(digits)) return this.show(digits)
    this.form.setError('q', messages[lang].searchPostcode)
    void this.form.focusFirstError()
  }

  /** Turns a commune name into a postcode, or lets the visitor pick when several communes match. */
  private async resolve(q: string) {
    this.resolution?.abort()
    const controller = new AbortController()
    this.resolution = controller
    this.searched = ''
    this.choices = undefined
    this.placesError = undefined
    this.resolving = true
    try {
      const { data } = await apiGet(this.target, '/v1/places', { query: { q, limit: 10 } }, controller.signal)
      if (controller.signal.aborted) return
      const [only] = data
      if (data.length === 1 && only) {
        this.show(only.postcode, communesOf(only))
      } else if (only) {
        this.choices = { q, places: data }
        this.announcement = format(messages[this.language].choose, { q })
      } else {
        this.form.setError('q', format(messages[this.language].noCommune, { q }))
        void this.form.focusFirstError()
      }
    } catch (error) {
      if (controller.signal.aborted) return
      this.placesError = error instanceof ApiError ? error : new ApiError(0, null)
      this.emit('relais-error', { status: this.placesError.status, problem: this.placesError.problem })
    } finally {
      if (this.resolution === controller) this.resolving = false
    }
  }

  private show(postcode: string, place = '', focus = false) {
    this.choices = undefined
    this.placesError = undefined
    this.searched = postcode
    this.place = place
    this.focusResults = focus
  }

  private joinLink(id: string | undefined): string | undefined {
    if (!this.joinUrl) return undefined
    try {
      const url = new URL(this.joinUrl, location.href)
      if (id) url.searchParams.set('group', id)
      return safeUrl(url.href)
    } catch {
      return undefined
    }
  }

  private async toggleJoin(key: string) {
    if (this.opened === key) {
      this.opened = undefined
      return
    }
    try {
      // The sign-up form is loaded only for the visitors who want to join.
      await import('../signup-form/index.js')
      this.opened = key
    } catch {
      this.announcement = common[this.language].network
    }
  }

  override render() {
    const lang = this.language
    const m = messages[lang]
    const form = this.form
    return html`<p role="status" class="visually-hidden">${this.announcement}</p>
      <form part="search" class="search" role="search" aria-label=${m.form} novalidate @submit=${this.search}>
        ${form.field('q', lang)}
        <button type="submit" part="submit-button">${m.submit}</button>
      </form>
      ${this.renderResults()}`
  }

  private renderResults() {
    const lang = this.language
    if (this.resolving) return skeleton(lang, 3)
    if (this.placesError) return failure(lang, this.placesError, () => void this.resolve(this.form.text('q')))
    if (this.choices) return this.renderChoices(this.choices.q, this.choices.places)
    if (!this.current) return nothing
    const { status, error, value } = this.results
    if (status === 'error') return failure(lang, error, () => void this.results.run())
    if (status === 'loading' || !value) return busy(lang, this.placeholder(value?.thematic ?? []))
    return this.renderFound(value)
  }

  /**
   * The results' place while they load, laid out as `renderFound` lays them out: `limit` sections,
   * the first one covering the postcode as it mostly does, and the thematic groups of the last search
   * (the same for every postcode; the first search cannot know them).
   */
  private placeholder(thematic: Group[]) {
    const m = messages[this.language]
    const rows = (groups: [name: string | number, kind: string][]) =>
      html`<ul class="groups">
        ${groups.map(
          ([name, kind]) => html`<li class="group">
            <div class="about">
              <h3>${textPlaceholder(name)}</h3>
              <p>${textPlaceholder(kind)}</p>
            </div>
            ${buttonPlaceholder(m.join)}
          </li>`,
        )}
      </ul>`
    const sections = Array.from({ length: this.pageSize }, (_, i): [number, string] => [
      typical.name,
      `${m.section} · ${i === 0 ? m.covers : filler(typical.distance)}`,
    ])
    return html`<h2>${textPlaceholder(format(m.sectionsNear, { place: this.current }))}</h2>
      ${rows(sections)}
      ${
        thematic.length
          ? html`<h2>${textPlaceholder(m.thematic)}</h2>
            ${rows(thematic.map((group): [string, string] => [group.name, m.thematicKind]))}`
          : nothing
      }`
  }

  private renderChoices(q: string, places: Place[]) {
    return html`<div part="choices" class="choices">
      <p id="choices-title">${format(messages[this.language].choose, { q })}</p>
      <ul aria-labelledby="choices-title">
        ${places.map(
          (place) => html`<li>
            <button type="button" class="secondary" @click=${() => this.show(place.postcode, communesOf(place), true)}>
              ${communesOf(place)} (${place.postcode})
            </button>
          </li>`,
        )}
      </ul>
    </div>`
  }

  private renderFound({ postcode, sections, thematic }: Found) {
    const m = messages[this.language]
    const place = this.place && postcode === this.searched ? `${postcode} (${this.place})` : postcode
    return html`<section part="results" aria-labelledby="results-title">
        <h2 id="results-title" part="heading" tabindex="-1">${format(m.sectionsNear, { place })}</h2>
        ${
          sections.length
            ? html`<ul class="groups">${sections.map((group) => this.renderGroup(group))}</ul>`
            : empty(format(m.empty, { postcode }), this.joinAction(undefined, m.joinDirectly))
        }
        ${this.opened === '' ? this.renderForm('') : nothing}
      </section>
      ${
        thematic.length
          ? html`<section part="thematic" aria-labelledby="thematic-title">
            <h2 id="thematic-title" part="heading">${m.thematic}</h2>
            <ul class="groups">${thematic.map((group) => this.renderGroup(group))}</ul>
          </section>`
          : nothing
      }`
  }

  private renderGroup(group: Group) {
    const lang = this.language
    const m = messages[lang]
    const distance = group.kind === 'section' ? distanceOf(group.distance_km, lang) : ''
    return html`<li part="group" class="group">
      <div class="about">
        <h3 part="group-name">${group.name}</h3>
        <p class="muted">
          <span part="kind">${group.kind === 'section' ? m.section : m.thematicKind}</span>${
            distance ? html` · <span part="distance">${distance}</span>` : nothing
          }
        </p>
      </div>
      ${this.joinAction(group.id, m.join, group.name)} ${this.opened === group.id ? this.renderForm(group.id) : nothing}
    </li>`
  }

  private joinAction(id: string | undefined, label: string, name?: string) {
    const text = html`${label}${name ? html`<span class="visually-hidden"> ${name}</span>` : nothing}`
    const link = this.joinLink(id)
    if (link) return html`<a part="join-button" class="button" href=${link}>${text}</a>`
    const key = id ?? ''
    const open = this.opened === key
    return html`<button
      type="button"
      part="join-button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${open ? `join-${key || 'direct'}` : nothing}
      @click=${() => this.toggleJoin(key)}
    >${text}</button>`
  }

  private renderForm(key: string) {
    return html`<div class="join" id="join-${key || 'direct'}">
      <relais-signup-form
        group=${key || nothing}
        postcode=${this.current}
        api=${this.target.api}
        key=${this.target.key}
        lang=${this.language}
        theme=${this.theme}
      ></relais-signup-form>
    </div>`
  }
}
