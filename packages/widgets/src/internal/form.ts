import { css, html, type LitElement, nothing, type TemplateResult } from 'lit'
import { format, type Messages } from '../i18n/common.js'
import type { Problem } from './api.js'
import type { Lang } from './relais-element.js'
import { textPlaceholder } from './skeleton.js'

/**
 * How a field is checked in the browser, mirroring the API so that most mistakes never leave the
 * page; `choice` is made with other controls (a checkbox, radios) and only the server checks it.
 */
export type FieldKind = 'text' | 'email' | 'postcode' | 'phone' | 'consent' | 'choice'

/** One input of a public form. `name` is the field of the API body, where the server's `errors[].path` points. */
export interface Field {
  name: string
  kind: FieldKind
  /** The visible label; for a consent, the consent text verbatim. */
  label: string
  required?: boolean
  /** The API's limit in characters. */
  maxLength?: number
  /** The browser's autofill token; the API's person fields (`given_name`, `email`, …) have theirs already. */
  autocomplete?: string
  /** A help line between the label and the input. */
  hint?: string
  /** Said when a required field is left empty or a required box unticked, instead of the generic words. */
  missing?: string
  /** Said in French when the server refuses the value (the API's own messages are in English). */
  rejected?: string
}

export type FormValues = Record<string, string | boolean | undefined>
export type FieldErrors = Record<string, string | undefined>

const messages: Messages<
  'required' | 'email' | 'postcode' | 'phone' | 'tooLong' | 'consent' | 'optional' | 'rejected'
> = {
  fr: {
    required: 'Ce champ est obligatoire.',
    email: 'Entrez une adresse e-mail valide, par exemple camille@exemple.fr.',
    postcode: 'Entrez un code postal à cinq chiffres, par exemple 75011.',
    phone: 'Entrez un numéro de téléphone, par exemple 06 12 34 56 78.',
    tooLong: '{max} caractères au plus.',
    consent: 'Cochez cette case pour continuer.',
    optional: '(facultatif)',
    rejected: "Le formulaire n'a pas été accepté. Vérifiez vos réponses puis réessayez.",
  },
  en: {
    required: 'This field is required.',
    email: 'Enter a valid e-mail address, such as camille@example.org.',
    postcode: 'Enter a five-digit French postcode, such as 75011.',
    phone: 'Enter a phone number, such as 06 12 34 56 78.',
    tooLong: '{max} characters at most.',
    consent: 'Tick this box to continue.',
    optional: '(optional)',
    rejected: 'The form was not accepted. Check your answers and try again.',
  },
}

// The e-mail rule is the browser's, plus a dot in the domain ("camille@gmail" is a typo); the API's
// stricter checks answer with `errors[]`, shown in the same place.
const patterns: Record<'email' | 'postcode' | 'phone', RegExp> = {
  email: /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/,
  postcode: /^\d{5}$/,
  phone: /^\+?[0-9 .()-]{6,24}$/,
}

/** What is wrong with one value, in the visitor's language, or undefined. */
export function check(field: Field, value: FormValues[string], lang: Lang): string | undefined {
  const m = messages[lang]
  if (field.kind === 'choice') return undefined
  if (field.kind === 'consent') return field.required && value !== true ? (field.missing ?? m.consent) : undefined
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) return field.required ? (field.missing ?? m.required) : undefined
  if (field.maxLength && text.length > field.maxLength) return format(m.tooLong, { max: field.maxLength })
  if (field.kind !== 'text' && !patterns[field.kind].test(text)) return m[field.kind]
  return undefined
}

/** The id of a field's input inside the widget's shadow root. */
export const fieldId = (name: string) => `f-${name}`

/**
 * What a form holds between renders: what was typed (kept through errors and re-renders), the
 * error of each field, an error that belongs to no field, and whether it is being sent.
 */
export class FormState {
  values: FormValues = {}
  errors: FieldErrors = {}
  general = ''
  sending = false

  constructor(
    private readonly host: LitElement,
    private readonly fields: () => Field[],
  ) {}

  /** Records an input; a field shown in error is checked again so its message goes once fixed. */
  set(name: string, value: string | boolean, lang: Lang) {
    this.values = { ...this.values, [name]: value }
    const field = this.fields().find((f) => f.name === name)
    if (field && this.errors[name]) this.errors = { ...this.errors, [name]: check(field, value, lang) }
    this.host.requestUpdate()
  }

  /** The trimmed text of a field. */
  text(name: string): string {
    const value = this.values[name]
    return typeof value === 'string' ? value.trim() : ''
  }

  /** Shows a message on one field, for what only the widget knows (no commune by that name, no spot left). */
  setError(name: string, message: string) {
    this.errors = { [name]: message }
    this.general = ''
    this.host.requestUpdate()
  }

  /** Checks every field; false when something must be fixed. */
  validate(lang: Lang): boolean {
    this.errors = Object.fromEntries(this.fields().map((f) => [f.name, check(f, this.values[f.name], lang)]))
    this.general = ''
    this.host.requestUpdate()
    return !this.fields().some((f) => this.errors[f.name])
  }

  /**
   * Shows the API's `errors[]` next to their fields. `locate` turns a path into a field name when it
   * is not the field itself (`consents.0.text_id` → the box that showed that text). What no field can
   * show becomes the general error.
   */
  refuse(problem: Problem | null, lang: Lang, locate: (path: string) => string | undefined = (path) => path) {
    const fields = this.fields()
    const errors: FieldErrors = {}
    const unplaced: string[] = []
    for (const { path, message } of problem?.errors ?? []) {
      const field = fields.find((f) => f.name === locate(path))
      if (!field) {
        unplaced.push(message)
        continue
      }
      // The API speaks English: a French visitor reads the field's own words instead.
      errors[field.name] ??= lang === 'en' ? message : (field.rejected ?? rejectedIn(field) ?? messages.fr.rejected)
    }
    this.errors = errors
    const allPlaced = unplaced.length === 0 && Object.keys(errors).length > 0
    const english = unplaced.join(' ') || problem?.detail || messages.en.rejected
    this.general = allPlaced ? '' : lang === 'en' ? english : messages.fr.rejected
    this.host.requestUpdate()
  }

  /** Moves focus to the first field in error, in form order; false when none is. */
  async focusFirstError(): Promise<boolean> {
    await this.host.updateComplete
    const first = this.fields().find((f) => this.errors[f.name])
    const input = first && this.host.renderRoot.querySelector<HTMLElement>(`#${fieldId(first.name)}`)
    input?.focus()
    return Boolean(input)
  }

  /** A field with its label, hint, error (tied by `aria-describedby`) and input, in the visitor's language. */
  field(name: string, lang: Lang, wide = false): TemplateResult {
    const field = this.fields().find((f) => f.name === name)
    if (!field) return html``
    return renderField(field, this.values[name], this.errors[name], lang, (value) => this.set(name, value, lang), wide)
  }
}

function rejectedIn(field: Field): string | undefined {
  return field.kind === 'email' || field.kind === 'postcode' || field.kind === 'phone'
    ? messages.fr[field.kind]
    : undefined
}

const inputTypes: Partial<Record<FieldKind, string>> = { email: 'email', phone: 'tel' }

// The API names a person's fields the same way everywhere, so their purpose (WCAG 1.3.5) follows from the name.
const autocompleteTokens: Record<string, string> = {
  given_name: 'given-name',
  family_name: 'family-name',
  email: 'email',
  postcode: 'postal-code',
  phone: 'tel',
}

/** Label, then hint and error, then the input: the order in which people and screen readers meet them. */
export function renderField(
  field: Field,
  value: FormValues[string],
  error: string | undefined,
  lang: Lang,
  onInput: (value: string | boolean) => void,
  wide = false,
): TemplateResult {
  const id = fieldId(field.name)
  const describedBy = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  const errorLine = error ? html`<span id="${id}-error" class="error" part="field-error">${error}</span>` : nothing
  if (field.kind === 'consent' || field.kind === 'choice') {
    return html`<div class="field consent wide" part="consent">
      <span class="box">
        <input
          type="checkbox"
          id=${id}
          name=${field.name}
          .checked=${value === true}
          ?required=${field.required}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          @change=${(e: Event) => onInput((e.target as HTMLInputElement).checked)}
        />
        <label for=${id}>${field.label}</label>
      </span>
      ${errorLine}
    </div>`
  }
  return html`<div class=${wide ? 'field wide' : 'field'} part="field">
    <label for=${id}>${field.label}${field.required ? nothing : html` <span class="optional">${messages[lang].optional}</span>`}</label>
    ${field.hint ? html`<span id="${id}-hint" class="hint">${field.hint}</span>` : nothing}
    ${errorLine}
    <input
      id=${id}
      name=${field.name}
      type=${inputTypes[field.kind] ?? 'text'}
      inputmode=${field.kind === 'postcode' ? 'numeric' : nothing}
      maxlength=${field.kind === 'postcode' ? 5 : (field.maxLength ?? nothing)}
      autocomplete=${field.autocomplete ?? autocompleteTokens[field.name] ?? nothing}
      spellcheck=${field.kind === 'email' ? 'false' : nothing}
      .value=${typeof value === 'string' ? value : ''}
      ?required=${field.required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
    />
  </div>`
}

/**
 * A field's place while its form loads, drawn as `renderField` lays the field out: its label and
 * hint as they will wrap, a box as tall as the input.
 */
export function fieldPlaceholder(field: Field, lang: Lang, wide = false): TemplateResult {
  const label = field.required ? field.label : `${field.label} ${messages[lang].optional}`
  return html`<div class=${wide ? 'field wide' : 'field'}>
    ${textPlaceholder(label, 'sk-label')} ${field.hint ? textPlaceholder(field.hint, 'hint') : nothing}
    <span class="skeleton sk-control">&nbsp;</span>
  </div>`
}

/** A consent box's place while its text loads: a text of about `chars` characters beside the box. */
export function consentPlaceholder(chars: number): TemplateResult {
  return html`<div class="field consent wide">
    <span class="box"><span class="skeleton sk-box"></span>${textPlaceholder(chars)}</span>
  </div>`
}

/**
 * The trap for robots, sent as `website`: hidden from people and assistive technologies, out of
 * the tab order, never autofilled. The API quietly drops a form that fills it.
 */
export function honeypot(form: FormState, lang: Lang): TemplateResult {
  return html`<div class="trap" aria-hidden="true">
    <label for=${fieldId('website')}>${lang === 'en' ? 'Leave empty' : 'Laisser vide'}</label>
    <input
      id=${fieldId('website')}
      name="website"
      tabindex="-1"
      autocomplete="off"
      .value=${typeof form.values.website === 'string' ? form.values.website : ''}
      @input=${(e: Event) => form.set('website', (e.target as HTMLInputElement).value, lang)}
    />
  </div>`
}

/** The look of form fields, errors and the success message, shared by every widget with a form. */
export const formStyles = css`
  form,
  .form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    /* Two columns at most: a third would leave holes beside the fields that span the width. */
    grid-template-columns: repeat(auto-fit, minmax(min(100%, max(14rem, 40%)), 1fr));
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .wide {
    grid-column: 1 / -1;
  }
  label {
    font-weight: 600;
  }
  .optional,
  .hint {
    font-weight: 400;
    color: var(--_muted);
  }
  .hint {
    font-size: 0.9em;
  }
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
    min-height: 44px;
    width: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .box {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
  }
  .box input {
    width: 1.4rem;
    height: 1.4rem;
    min-height: 0;
    margin: 0.15rem 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .box label,
  .box .sk-text {
    font-weight: 400;
    font-size: 0.9em;
  }
  .sk-label {
    font-weight: 600;
  }
  .sk-box {
    width: 1.4rem;
    height: 1.4rem;
    margin-top: 0.15rem;
    flex: none;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
    font-size: 0.9em;
  }
  .trap {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .success {
    border-left: 4px solid var(--_success);
  }
  .success:focus {
    outline: none;
  }
  .success:focus-visible,
  .notice.error:focus-visible {
    outline: 3px solid var(--_accent);
  }
`
