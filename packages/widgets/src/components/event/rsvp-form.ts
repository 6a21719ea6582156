import { html, type LitElement, nothing, type TemplateResult } from 'lit'
import { describeFailure } from '../../i18n/common.js'
import { type ApiError, type ApiTarget, apiGet, type Schemas } from '../../internal/api.js'
import { apiPost } from '../../internal/api-post.js'
import { consentPlaceholder, type Field, FormState, fieldPlaceholder, honeypot } from '../../internal/form.js'
import { ProofOfWork } from '../../internal/proof-of-work.js'
import type { Lang } from '../../internal/relais-element.js'
import { Resource } from '../../internal/resource.js'
import { busy, buttonPlaceholder, textPlaceholder } from '../../internal/skeleton.js'
import { failure } from '../../internal/states.js'
import type { Initiative } from './initiative.js'
import { rsvpMessages } from './rsvp-messages.js'

type Requested = Schemas['RsvpRequested']
type ConsentText = Schemas['ConsentText']

/**
 * `detail` of `relais-rsvp`: a registration was asked for this initiative. A public form takes no
 * place: the person confirms it with the link of the e-mail sent to them, so the places left are
 * those the page already knew.
 */
export interface RsvpDetail {
  initiative_id: string
  status: Requested['status']
  spots_left: number | null
}

export interface RsvpFormOptions {
  target: () => ApiTarget
  /** Whether the form may be shown: the consent text is loaded only then. */
  needed: () => boolean
  requested: (detail: RsvpDetail) => void
  failed: (error: ApiError) => void
}

type Host = LitElement & { readonly language: Lang }

/** The fields of `RsvpCreate`, with the API's limits; the consent box is labelled by the consent text itself. */
function rsvpFields(lang: Lang, consent: ConsentText | undefined): Field[] {
  const m = rsvpMessages[lang]
  return [
    {
      name: 'given_name',
      kind: 'text',
      label: m.givenName,
      required: true,
      maxLength: 100,
      autocomplete: 'given-name',
      missing: m.givenNameMissing,
    },
    {
      name: 'family_name',
      kind: 'text',
      label: m.familyName,
      required: true,
      maxLength: 100,
      autocomplete: 'family-name',
      missing: m.familyNameMissing,
    },
    {
      name: 'email',
      kind: 'email',
      label: m.email,
      required: true,
      maxLength: 254,
      autocomplete: 'email',
      missing: m.emailMissing,
    },
    {
      name: 'postcode',
      kind: 'postcode',
      label: m.postcode,
      required: true,
      autocomplete: 'postal-code',
      missing: m.postcodeInvalid,
    },
    { name: 'phone', kind: 'phone', label: m.phone, maxLength: 24, autocomplete: 'tel' },
    {
      name: 'consent',
      kind: 'consent',
      label: consent?.text ?? '',
      required: true,
      missing: m.consentMissing,
      rejected: m.consentChanged,
    },
  ]
}

/** About as long as a participation consent text (the demo's French one is 507 characters). */
const consentLength = 500

/** `consents.0.text_id` is about the consent box. */
const fieldOfPath = (path: string) => (path.startsWith('consents') ? 'consent' : path)

/**
 * The RSVP form of an initiative: loads the participation consent text, checks the fields as the
 * API does, sends, and asks the visitor to confirm by e-mail, or puts each refusal next to its field.
 */
export class RsvpForm {
  /** The initiative a registration was asked for, here and now. */
  private answered: string | undefined
  /** What the live region says. */
  announcement = ''

  private readonly consent: Resource<ConsentText[]>
  private readonly form: FormState
  private readonly proof: ProofOfWork

  constructor(
    private readonly host: Host,
    private readonly options: RsvpFormOptions,
  ) {
    // All languages at once: switching the widget's language needs no new request.
    this.consent = new Resource(host, {
      inputs: () => [options.needed(), options.target().api, options.target().key],
      load: async (signal) => {
        if (!options.needed()) return []
        this.proof.prepare()
        const query = { purpose: 'event_participation' as const }
        return (await apiGet(options.target(), '/v1/consent-texts', { query }, signal)).data
      },
      onError: options.failed,
    })
    this.form = new FormState(host, () => rsvpFields(host.language, this.consentText))
    this.proof = new ProofOfWork(options.target)
  }

  /** Whether the visitor asked to register for this initiative, here and now. */
  private answeredFor(initiative: Initiative): boolean {
    return this.answered === initiative.id
  }

  private get lang() {
    return this.host.language
  }

  /** The participation text in the visitor's language, else the organization's first. */
  private get consentText() {
    const texts = this.consent.value ?? []
    return texts.find((text) => text.language === this.lang) ?? texts[0]
  }

  render(initiative: Initiative): TemplateResult {
    const m = rsvpMessages[this.lang]
    const { form, lang } = this
    if (this.answeredFor(initiative)) return this.renderAnswer()
    if (this.consent.status === 'error') return failure(lang, this.consent.error, () => void this.consent.run())
    if (!this.consentText) return busy(lang, this.placeholder(initiative))
    const waitlist = initiative.spots_left === 0
    return html`${waitlist ? html`<p class="notice">${m.waitlistNotice}</p>` : nothing}
      <form part="form" novalidate @submit=${(event: SubmitEvent) => this.submit(event, initiative)}>
        ${form.field('given_name', lang)} ${form.field('family_name', lang)} ${form.field('email', lang)}
        ${form.field('postcode', lang)} ${form.field('phone', lang)} ${form.field('consent', lang)}
        ${honeypot(form, lang)}
        ${
          form.general
            ? html`<p class="notice error wide" id="general-error" tabindex="-1" role="alert">${form.general}</p>`
            : nothing
        }
        <p class="wide">
          <button type="submit" part="submit-button" ?disabled=${form.sending}>
            ${form.sending ? m.sending : waitlist ? m.submitWaitlist : m.submit}
          </button>
        </p>
      </form>`
  }

  /**
   * The form's place while its consent text (or the whole initiative) loads, laid out as the form:
   * only the consent text, of a typical length, is a guess.
   */
  placeholder(initiative?: Initiative): TemplateResult {
    const m = rsvpMessages[this.lang]
    const waitlist = initiative?.spots_left === 0
    const fields = rsvpFields(this.lang, undefined).filter((field) => field.kind !== 'consent')
    return html`${waitlist ? html`<p class="notice">${textPlaceholder(m.waitlistNotice)}</p>` : nothing}
      <div class="form">
        ${fields.map((field) => fieldPlaceholder(field, this.lang))} ${consentPlaceholder(consentLength)}
        <p class="wide">${buttonPlaceholder(waitlist ? m.submitWaitlist : m.submit)}</p>
      </div>`
  }

  /** The same words whatever the address: the API's answer tells nothing more, and no place is held yet. */
  private renderAnswer() {
    return html`<p part="success" class="notice success" id="rsvp-answer" role="status" tabindex="-1">
      ${rsvpMessages[this.lang].checkEmail}
    </p>`
  }

  private async submit(event: SubmitEvent, initiative: Initiative) {
    event.preventDefault()
    const { form, lang } = this
    const consent = this.consentText
    if (form.sending || !consent) return
    if (!form.validate(lang)) return void form.focusFirstError()
    form.sending = true
    this.announcement = rsvpMessages[lang].sending
    this.host.requestUpdate()
    try {
      // With a publishable key the API answers every address alike (202): nothing in it to show.
      await this.proof.send((proof) =>
        apiPost(
          this.options.target(),
          '/v1/initiatives/{initiative_id}/rsvps',
          { path: { initiative_id: initiative.id } },
          {
            email: form.text('email'),
            given_name: form.text('given_name'),
            family_name: form.text('family_name'),
            postcode: form.text('postcode'),
            phone: form.text('phone') || undefined,
            language: lang,
            consents: [{ purpose: 'event_participation', text_id: consent.id }],
            website: form.text('website'),
            // Where the form was, without the query string, which may carry anything.
            source_page: /^https?:$/.test(location.protocol) ? location.origin + location.pathname : undefined,
            proof,
          },
        ),
      )
      this.answered = initiative.id
      this.options.requested({
        initiative_id: initiative.id,
        status: 'pending_confirmation',
        spots_left: initiative.spots_left,
      })
    } catch (error) {
      this.refused(error as ApiError)
    } finally {
      form.sending = false
      this.announcement = ''
      this.host.requestUpdate()
    }
    await this.host.updateComplete
    if (this.answered) this.host.renderRoot.querySelector<HTMLElement>('#rsvp-answer')?.focus()
    else if (!(await form.focusFirstError())) this.host.renderRoot.querySelector<HTMLElement>('#general-error')?.focus()
  }

  /** The API said no: each field error next to its field, the rest above the button. */
  private refused(error: ApiError) {
    const { form, lang } = this
    if (error.status === 400) {
      form.refuse(error.problem, lang, fieldOfPath)
      // A consent text replaced since it was loaded: show the current one to tick again.
      if (form.errors.consent) {
        form.values = { ...form.values, consent: false }
        void this.consent.run()
      }
      return
    }
    form.general = error.status === 409 ? rsvpMessages[lang].closedNow : describeFailure(lang, error.status)
    if (error.status !== 409) this.options.failed(error)
  }
}
