import { html, nothing, type PropertyDeclarations } from 'lit'
import { describeFailure, format } from '../../i18n/common.js'
import { formatCount } from '../../i18n/dates.js'
import { ApiError, apiGet, type Schemas } from '../../internal/api.js'
import { apiPost } from '../../internal/api-post.js'
import { type Field, FormState, fieldId, formStyles, honeypot, renderField } from '../../internal/form.js'
import { ProofOfWork } from '../../internal/proof-of-work.js'
import { RelaisElement } from '../../internal/relais-element.js'
import { Resource } from '../../internal/resource.js'
import { busy, skeletonStyles } from '../../internal/skeleton.js'
import { empty, failure } from '../../internal/states.js'
import { baseStyles } from '../../internal/styles.js'
import { messages } from './messages.js'
import {
  type ConsentText,
  pageAddress,
  type SignupPurpose,
  sectionLabel,
  signupFields,
  textFor,
} from './signup-fields.js'
import { signupFormStyles } from './signup-form.styles.js'
import { groupPlaceholder, signupPlaceholder } from './signup-placeholder.js'

type Group = Schemas['Group']

/** `detail` of `relais-signup`: where the new member will belong; nothing about the person. */
export interface SignupDetail {
  group_id: string | null
  postcode: string
}

/**
 * @tagname relais-signup-form
 * @summary Join the organization: name, e-mail, postcode (which suggests the local section), the
 * membership consent with its exact text, then a double opt-in e-mail.
 *
 * @attr group - Group id (`grp_…`) to join; defaults to `<relais-config group>`. A local section found from the postcode is then offered, not preselected.
 * @attr postcode - A postcode to fill in beforehand.
 * @attr purpose-news - `false` to leave out the optional "news by e-mail" box (shown by default).
 * @attr source - The address recorded as where the person signed up; defaults to the page's address.
 * @attr heading - A title above the form.
 * @attr success-message - Words of your own above the confirmation instructions once the form is sent.
 *
 * @fires relais-signup - The sign-up was received; `detail` is `{ group_id, postcode }`.
 * @fires relais-error - The consent texts could not be loaded, or sending failed; `detail` is `{ status, problem }`.
 *
 * @csspart form - The form.
 * @csspart heading - The title.
 * @csspart field - A text field with its label, hint and error.
 * @csspart field-error - The error message of a field.
 * @csspart consent - A consent box with its text, or the local section box.
 * @csspart group - The line naming the group joined.
 * @csspart form-error - An error that belongs to no field.
 * @csspart submit-button - The "Adhérer" button.
 * @csspart success - The message once sent.
 * @csspart skeleton - The placeholder while loading.
 * @csspart empty - The notice when the organization takes no sign-ups.
 * @csspart error - The error notice.
 *
 * @cssprop --relais-color-accent - Buttons, links, boxes.
 * @cssprop --relais-color-danger - Field errors.
 * @cssprop --relais-color-success - The success message.
 */
export class RelaisSignupForm extends RelaisElement {
  static override styles = [baseStyles, formStyles, skeletonStyles, signupFormStyles]

  static override properties: PropertyDeclarations = {
    group: {},
    postcode: {},
    purposeNews: { attribute: 'purpose-news', converter: { fromAttribute: (value) => value !== 'false' } },
    source: {},
    heading: {},
    successMessage: { attribute: 'success-message' },
    section: { state: true },
    presetName: { state: true },
    accepted: { state: true },
    announcement: { state: true },
  }

  /** Group id (`grp_…`) to join. */
  group = ''
  /** A postcode filled in beforehand. */
  postcode = ''
  /** Whether the optional "news by e-mail" box is offered. */
  purposeNews = true
  /** The address recorded as where the person signed up; the page's address when empty. */
  source = ''
  /** A title above the form. */
  heading = ''
  /** Words of your own above the confirmation instructions. */
  successMessage = ''

  private section: Group | undefined
  /** The name of the group joined; undefined while it is asked for. */
  private presetName: string | undefined = ''
  private accepted: Schemas['SignupAccepted'] | undefined
  private announcement = ''
  private presetAsked: string | undefined
  private sectionAsked = ''
  private sectionLookup: AbortController | undefined

  private form = new FormState(this, () => this.fields())
  private proof = new ProofOfWork(() => this.target)

  private texts = new Resource<ConsentText[]>(this, {
    inputs: () => [this.target.api, this.target.key],
    // Every current text at once: switching language then needs no request.
    load: async (signal) => {
      this.proof.prepare()
      return (await apiGet(this.target, '/v1/consent-texts', { query: {} }, signal)).data
    },
    onError: (error) => this.emit('relais-error', { status: error.status, problem: error.problem }),
  })

  private get preset(): string {
    return this.group || this.setting('group')
  }

  private shownText(purpose: SignupPurpose): ConsentText | undefined {
    if (purpose === 'news' && !this.purposeNews) return undefined
    return textFor(this.texts.value ?? [], purpose, this.language)
  }

  /** The section offered from the postcode, unless it is the group already chosen. */
  private get offered(): Group | undefined {
    return this.section && this.section.id !== this.preset ? this.section : undefined
  }

  private fields(): Field[] {
    const section = this.offered
    return signupFields(this.language, {
      membership: this.shownText('membership'),
      news: this.shownText('news'),
      section: section && sectionLabel(section, this.language),
    })
  }

  override willUpdate() {
    if (this.postcode && this.form.values.postcode === undefined) this.typePostcode(this.postcode)
    if (this.preset !== this.presetAsked) void this.namePreset(this.preset)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.sectionLookup?.abort()
  }

  private async namePreset(id: string) {
    this.presetAsked = id
    this.presetName = id ? undefined : ''
    if (!id) return
    let name = ''
    try {
      name = (await apiGet(this.target, '/v1/groups/{group_id}', { path: { group_id: id } })).name
    } catch {
      // Only a courtesy: the API says on sending if the group cannot be joined.
    }
    if (this.presetAsked === id) this.presetName = name
  }

  private typePostcode(value: string) {
    this.form.set('postcode', value, this.language)
    const postcode = value.trim()
    if (postcode !== this.sectionAsked) void this.lookUpSection(postcode)
  }

  /** The local section of a full postcode, offered to join; the form works without it. */
  private async lookUpSection(postcode: string) {
    this.sectionAsked = postcode
    this.sectionLookup?.abort()
    this.section = undefined
    if (!/^\d{5}$/.test(postcode)) return
    const controller = new AbortController()
    this.sectionLookup = controller
    try {
      const query = { near: postcode, kind: 'section', limit: 1 } as const
      const [section] = (await apiGet(this.target, '/v1/groups', { query }, controller.signal)).data
      if (controller.signal.aborted || !section) return
      this.section = section
      this.form.set('group_id', !this.preset, this.language)
      const m = messages[this.language]
      const km = section.distance_km ?? 0
      this.announcement = format(km > 0 ? m.nearestFound : m.localFound, {
        name: section.name,
        km: formatCount(km, this.language),
      })
    } catch {
      // No suggestion then; the visitor can still join.
    }
  }

  private chosenGroup(): string | undefined {
    if (this.offered && this.form.values.group_id === true) return this.offered.id
    return this.preset || undefined
  }

  private consents(): Schemas['ConsentGiven'][] {
    const membership = this.shownText('membership')
    const news = this.shownText('news')
    return [
      ...(membership ? [{ purpose: 'membership' as const, text_id: membership.id }] : []),
      ...(news && this.form.values.news === true ? [{ purpose: 'news' as const, text_id: news.id }] : []),
    ]
  }

  /** `consents.1.text_id` is the box of the second consent sent; `consents` alone is the membership box. */
  private locate(path: string, sent: Schemas['ConsentGiven'][]): string | undefined {
    const [first, index] = path.split('.')
    if (first !== 'consents') return first
    return index === undefined ? 'membership' : sent[Number(index)]?.purpose
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault()
    const form = this.form
    const lang = this.language
    if (form.sending) return
    if (!form.validate(lang)) {
      await form.focusFirstError()
      return
    }
    const consents = this.consents()
    const groupId = this.chosenGroup()
    const postcode = form.text('postcode')
    form.sending = true
    this.announcement = messages[lang].sending
    let accepted: Schemas['SignupAccepted']
    try {
      accepted = await this.proof.send((proof) =>
        apiPost(
          this.target,
          '/v1/signups',
          {},
          {
            email: form.text('email'),
            given_name: form.text('given_name'),
            family_name: form.text('family_name'),
            postcode,
            phone: form.text('phone') || undefined,
            language: lang,
            group_id: groupId,
            consents,
            website: typeof form.values.website === 'string' ? form.values.website : '',
            source_page: pageAddress(this.source),
            proof,
          },
        ),
      )
    } catch (error) {
      form.sending = false
      await this.refused(error instanceof ApiError ? error : new ApiError(0, null), consents)
      return
    }
    form.sending = false
    this.accepted = accepted
    this.announcement = ''
    this.emit<SignupDetail>('relais-signup', { group_id: groupId ?? null, postcode })
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('[part="success"]')?.focus()
  }

  /** Puts each refusal next to its field, or says what went wrong, and moves focus there. */
  private async refused(error: ApiError, sent: Schemas['ConsentGiven'][]) {
    const lang = this.language
    this.announcement = ''
    if (error.status === 400) {
      this.form.refuse(error.problem, lang, (path) => this.locate(path, sent))
    } else {
      this.form.errors = {}
      this.form.general = describeFailure(lang, error.status)
      this.emit('relais-error', { status: error.status, problem: error.problem })
    }
    this.requestUpdate()
    if (await this.form.focusFirstError()) return
    this.renderRoot.querySelector<HTMLElement>('[part="form-error"]')?.focus()
  }

  override render() {
    return html`<p role="status" class="visually-hidden">${this.announcement}</p>
      ${this.renderState()}`
  }

  private renderState() {
    const lang = this.language
    const { status, error } = this.texts
    if (this.accepted) return this.renderSuccess(this.accepted)
    if (status === 'error') return failure(lang, error, () => void this.texts.run())
    if (status === 'loading') {
      const shape = { heading: this.heading, group: Boolean(this.preset), news: this.purposeNews }
      return busy(lang, signupPlaceholder(lang, shape))
    }
    if (!this.shownText('membership')) return empty(messages[lang].closed)
    return this.renderForm()
  }

  private renderSuccess(accepted: Schemas['SignupAccepted']) {
    return html`<div part="success" class="notice success" tabindex="-1">
      ${this.successMessage ? html`<p class="lead">${this.successMessage}</p>` : nothing}
      <p>${this.language === 'en' ? accepted.message_en : accepted.message_fr}</p>
    </div>`
  }

  private renderForm() {
    const lang = this.language
    const m = messages[lang]
    const form = this.form
    const postcode = this.fields().find((field) => field.name === 'postcode')
    return html`<form
      part="form"
      novalidate
      aria-label=${this.heading ? nothing : m.form}
      aria-labelledby=${this.heading ? 'heading' : nothing}
      @submit=${this.submit}
    >
      ${this.heading ? html`<h2 id="heading" part="heading" class="wide">${this.heading}</h2>` : nothing}
      <p class="wide muted">${m.allRequired}</p>
      ${form.field('given_name', lang)} ${form.field('family_name', lang)} ${form.field('email', lang, true)}
      ${
        postcode
          ? renderField(postcode, form.values.postcode, form.errors.postcode, lang, (value) =>
              this.typePostcode(String(value)),
            )
          : nothing
      }
      ${form.field('phone', lang)} ${this.renderGroup()} ${form.field('membership', lang)} ${form.field('news', lang)}
      ${honeypot(form, lang)}
      ${
        form.general
          ? html`<p part="form-error" class="notice error wide" role="alert" tabindex="-1">${form.general}</p>`
          : nothing
      }
      <p class="wide">
        <button type="submit" part="submit-button" ?disabled=${form.sending}>${form.sending ? m.sending : m.submit}</button>
      </p>
    </form>`
  }

  private renderGroup() {
    const m = messages[this.language]
    const error = this.form.errors.group_id
    const chosen = this.offered && this.form.values.group_id === true
    const joining = this.presetName && !chosen
    // The line keeps its place while the group's name loads.
    const naming = this.presetName === undefined && !chosen
    return html`${
      joining
        ? html`<p part="group" class="wide group">${m.joining} <strong>${this.presetName}</strong></p>`
        : naming
          ? groupPlaceholder(this.language)
          : nothing
    }
    ${
      this.offered
        ? this.form.field('group_id', this.language)
        : error
          ? html`<p id=${fieldId('group_id')} part="field-error" class="error wide" tabindex="-1">${error}</p>`
          : nothing
    }`
  }
}
