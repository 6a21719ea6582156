import { html, nothing, type PropertyDeclarations } from 'lit'
import { format } from '../../i18n/common.js'
import { formatSchedule } from '../../i18n/dates.js'
import { apiGet } from '../../internal/api.js'
import { RelaisElement } from '../../internal/relais-element.js'
import { Resource } from '../../internal/resource.js'
import { busy, skeletonStyles } from '../../internal/skeleton.js'
import { empty, failure, safeUrl } from '../../internal/states.js'
import { baseStyles } from '../../internal/styles.js'
import { eventStyles } from './event.styles.js'
import { calendarLink, closedReason, type Initiative, kindLabels, spotsOf } from './initiative.js'
import { compactPlaceholder, initiativePlaceholder } from './initiative-placeholder.js'
import { linkify } from './linkify.js'
import { messages } from './messages.js'
import { type RsvpDetail, RsvpForm } from './rsvp-form.js'

export type { RsvpDetail }

const initiativeId = /^ini_[0-9a-z]{1,40}$/

/** The initiative asked for by the page's address (`?initiative=ini_…` or `?id=ini_…`), as `event-url` links do. */
function initiativeInPageAddress(): string {
  const params = new URLSearchParams(location.search)
  const asked = params.get('initiative') ?? params.get('id') ?? ''
  return initiativeId.test(asked) ? asked : ''
}

/**
 * @tagname relais-event
 * @summary One initiative in detail, in its own time zone, with its place, spots left and waitlist,
 * and the form to register.
 *
 * @attr initiative - Initiative id (`ini_…`); when absent, the `initiative` or `id` parameter of the page's address.
 * @attr compact - Only a short header and the RSVP form (as `relais-event-list` embeds it).
 *
 * @prop initiativeData - The initiative already loaded (by the list): shown without fetching it again.
 *
 * @fires relais-load - The initiative arrived; `detail` is the initiative.
 * @fires relais-rsvp - Someone asked to register: no place is held until they follow the link of the e-mail sent
 * to them; `detail` is `{ initiative_id, status: 'pending_confirmation', spots_left }` (the places left, unchanged).
 * @fires relais-error - The initiative or the consent text could not be loaded; `detail` is `{ status, problem }`.
 *
 * @csspart initiative - The whole detail (an article).
 * @csspart title - The title.
 * @csspart kind - The kind label.
 * @csspart facts - When, where, spots, organizer.
 * @csspart spots - Spots left, or "Complet".
 * @csspart description - The description.
 * @csspart map-link - The OpenStreetMap link.
 * @csspart online-link - The link to join online.
 * @csspart calendar-link - The "Ajouter au calendrier" link.
 * @csspart rsvp - The registration section.
 * @csspart form - The RSVP form.
 * @csspart field - A labelled input of the form.
 * @csspart consent - The consent box with its text.
 * @csspart field-error - The error under a field.
 * @csspart submit-button - Its submit button.
 * @csspart success - The message after sending: check your e-mail to confirm your place (a live region).
 * @csspart closed - The notice when the initiative takes no registration.
 * @csspart skeleton - The placeholder while loading.
 * @csspart empty - The notice when no initiative is given.
 * @csspart error - The error notice.
 * @csspart retry-button - Its retry button.
 *
 * @cssprop --relais-color-accent - Buttons and links.
 * @cssprop --relais-color-danger - Field errors.
 * @cssprop --relais-color-success - The success message.
 */
export class RelaisEvent extends RelaisElement {
  static override styles = [baseStyles, skeletonStyles, ...eventStyles]

  static override english = () => import('./english.js')

  static override properties: PropertyDeclarations = {
    initiative: {},
    compact: { type: Boolean },
    initiativeData: { attribute: false },
  }

  /** Initiative id (`ini_…`). */
  initiative = ''
  /** Only a short header and the RSVP form. */
  compact = false
  /** The initiative already loaded by the embedding list, to show without fetching it again. */
  initiativeData: Initiative | undefined

  private get initiativeId() {
    return this.initiative || initiativeInPageAddress()
  }

  private details = new Resource<Initiative | null>(this, {
    inputs: () => [this.initiativeId, this.target.api, this.target.key],
    load: async (signal) => {
      const id = this.initiativeId
      if (!id) return null
      if (this.initiativeData?.id === id) return this.initiativeData
      return apiGet(this.target, '/v1/initiatives/{initiative_id}', { path: { initiative_id: id } }, signal)
    },
    onReady: (initiative) => {
      if (initiative && initiative !== this.initiativeData) this.emit('relais-load', initiative)
    },
    onError: (error) => this.emit('relais-error', { status: error.status, problem: error.problem }),
  })

  private rsvp = new RsvpForm(this, {
    target: () => this.target,
    needed: () => {
      const initiative = this.details.value
      return initiative === undefined ? Boolean(this.initiativeId) : initiative !== null && !closedReason(initiative)
    },
    requested: (detail) => this.emit<RsvpDetail>('relais-rsvp', detail),
    failed: (error) => this.emit('relais-error', { status: error.status, problem: error.problem }),
  })

  override render() {
    return html`${this.renderState()}<p role="status" class="visually-hidden">${this.rsvp.announcement}</p>`
  }

  private renderState() {
    const lang = this.language
    const { status, error, value: initiative } = this.details
    if (status === 'error') return failure(lang, error, () => void this.details.run())
    if (status === 'loading' || initiative === undefined) {
      const form = this.rsvp.placeholder()
      return busy(lang, this.compact ? compactPlaceholder(form) : initiativePlaceholder(lang, form))
    }
    if (initiative === null) return empty(messages[lang].empty)
    return this.compact ? this.renderCompact(initiative) : this.renderFull(initiative)
  }

  private renderCompact(initiative: Initiative) {
    const spots = spotsOf(initiative, this.language)
    const label = format(messages[this.language].rsvpFor, { title: initiative.title })
    return html`<section part="rsvp" class="rsvp compact" aria-label=${label}>
      <p class="header"><strong part="title">${initiative.title}</strong>${
        spots ? html` · <span part="spots" class="spots">${spots}</span>` : nothing
      }</p>
      ${this.renderRegistration(initiative)}
    </section>`
  }

  private renderFull(initiative: Initiative) {
    const lang = this.language
    const m = messages[lang]
    return html`<article part="initiative" aria-labelledby="title">
      <p class="kind"><span part="kind">${kindLabels[lang][initiative.kind]}</span></p>
      <h2 part="title" id="title">${initiative.title}</h2>
      ${initiative.summary ? html`<p class="summary">${initiative.summary}</p>` : nothing}
      ${this.renderFacts(initiative)}
      ${
        initiative.description
          ? html`<p part="description" class="description">${linkify(initiative.description)}</p>`
          : nothing
      }
      ${
        initiative.tags.length > 0
          ? html`<ul class="tags" aria-label=${m.tags}>
            ${initiative.tags.map((tag) => html`<li>${tag}</li>`)}
          </ul>`
          : nothing
      }
      <p>${calendarLink(initiative, this.target.key, lang)}</p>
      <section part="rsvp" class="rsvp" aria-labelledby="rsvp-title">
        <h3 id="rsvp-title">${m.rsvpTitle}</h3>
        ${this.renderRegistration(initiative)}
      </section>
    </article>`
  }

  private renderFacts(initiative: Initiative) {
    const lang = this.language
    const m = messages[lang]
    const { location } = initiative
    const online = safeUrl(initiative.online_url)
    return html`<dl part="facts" class="facts">
      <div>
        <dt>${m.when}</dt>
        <dd>
          <time datetime=${initiative.starts_at}
            >${formatSchedule(initiative.starts_at, initiative.ends_at, initiative.timezone, lang)}</time
          >
        </dd>
      </div>
      ${location ? html`<div><dt>${m.where}</dt><dd>${this.renderPlace(location)}</dd></div>` : nothing}
      ${
        online
          ? html`<div>
            <dt>${m.online}</dt>
            <dd><a part="online-link" href=${online} rel="nofollow noopener">${format(m.onlineLink, { host: new URL(online).host })}</a></dd>
          </div>`
          : nothing
      }
      ${this.renderSpots(initiative)}
      <div>
        <dt>${m.organizer}</dt>
        <dd>${initiative.group.name}</dd>
      </div>
    </dl>`
  }

  /** "3 places restantes · 27 personnes inscrites · 2 en liste d'attente" */
  private renderSpots(initiative: Initiative) {
    const lang = this.language
    const m = messages[lang]
    const spots = spotsOf(initiative, lang)
    const counts = [
      initiative.rsvp_count > 0 ? format(m.going, { n: initiative.rsvp_count }) : '',
      initiative.waitlist_count > 0 ? format(m.waitlist, { n: initiative.waitlist_count }) : '',
    ].filter(Boolean)
    if (!spots && counts.length === 0) return nothing
    return html`<div>
      <dt>${m.spots}</dt>
      <dd>
        ${spots ? html`<span part="spots" class="spots">${spots}</span>${counts.length > 0 ? ' · ' : ''}` : nothing}
        ${counts.join(' · ')}
      </dd>
    </div>`
  }

  private renderPlace(location: NonNullable<Initiative['location']>) {
    const m = messages[this.language]
    const { latitude, longitude } = location
    const commune = [location.postcode, location.commune].filter(Boolean).join(' ')
    const lines = [location.name, location.address, commune].filter(Boolean)
    const zoom = location.hide_address ? 14 : 16
    const map =
      latitude !== null && longitude !== null
        ? `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=${zoom}/${latitude}/${longitude}`
        : undefined
    return html`${lines.map((line, i) => html`${i > 0 ? html`<br />` : nothing}${line}`)}
      ${location.hide_address ? html`<br /><span class="muted">${m.addressHidden}</span>` : nothing}
      ${map ? html`<br /><a part="map-link" href=${map}>${location.hide_address ? m.mapArea : m.map}</a>` : nothing}`
  }

  private renderRegistration(initiative: Initiative) {
    const closed = closedReason(initiative)
    if (closed) {
      return html`<p part="closed" class="notice">${messages[this.language][closed]}</p>`
    }
    return this.rsvp.render(initiative)
  }
}
