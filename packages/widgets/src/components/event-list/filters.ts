import { css, html, type ReactiveControllerHost, type TemplateResult } from 'lit'
import { format, type Messages } from '../../i18n/common.js'
import type { Lang } from '../../internal/relais-element.js'
import { initiativeKinds, kindLabels } from '../event/initiative.js'
import { kindsIn } from './list-query.js'

// The kind filter and the "near me" field, loaded only by lists with `show-filters`: most pages
// never download them.

const messages: Messages<'filters' | 'kind' | 'allKinds' | 'near' | 'hint' | 'invalid' | 'search' | 'found' | 'none'> =
  {
    fr: {
      filters: 'Filtrer les actions',
      kind: "Type d'action",
      allKinds: 'Tous les types',
      near: 'Près de chez moi (code postal)',
      hint: 'Cinq chiffres, par exemple 75011. Laissez vide pour tout voir.',
      invalid: 'Entrez un code postal à cinq chiffres, par exemple 75011.',
      search: 'Rechercher',
      found: '{n} actions affichées.',
      none: 'Aucune action ne correspond à votre recherche pour le moment. Essayez un autre type ou un autre code postal.',
    },
    en: {
      filters: 'Filter the actions',
      kind: 'Kind of action',
      allKinds: 'All kinds',
      near: 'Near me (French postcode)',
      hint: 'Five digits, such as 75011. Leave empty to see everything.',
      invalid: 'Enter a five-digit postcode, such as 75011.',
      search: 'Search',
      found: '{n} actions shown.',
      none: 'No actions match your search for now. Try another kind or another postcode.',
    },
  }

export const filterStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem var(--_space);
  }
  .filters div {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  select,
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    padding: 0 0.75em;
    min-height: 44px;
  }
  input {
    width: 9ch;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .hint {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .invalid {
    color: var(--_danger);
    font-weight: 600;
  }
`

/** What the visitor chose; the list reads it for its query and reloads when it changes. */
export class ListFilters {
  kind = ''
  near = ''
  private invalid = false
  /** Set by a change: the next page tells screen readers how many were found. */
  changed = false

  constructor(private readonly host: ReactiveControllerHost) {}

  /** "12 actions affichées." after a change of filter, or the word when nothing matches. */
  found(count: number, lang: Lang): string {
    this.changed = false
    return count > 0 ? format(messages[lang].found, { n: count }) : messages[lang].none
  }

  /** Said when nothing matches while something is chosen. */
  none(lang: Lang): string | undefined {
    return this.kind || this.near ? messages[lang].none : undefined
  }

  private choose(kind: string, near: string) {
    this.changed = kind !== this.kind || near !== this.near
    this.kind = kind
    this.near = near
    this.host.requestUpdate()
  }

  private submit(event: SubmitEvent) {
    event.preventDefault()
    const input = (event.target as HTMLFormElement).elements.namedItem('near') as HTMLInputElement
    const near = input.value.trim()
    this.invalid = near !== '' && !/^\d{5}$/.test(near)
    if (this.invalid) {
      this.host.requestUpdate()
      input.focus()
    } else this.choose(this.kind, near)
  }

  /** The form, offering the kinds of the list's `kind` attribute, else all of them. */
  render(lang: Lang, offered: string): TemplateResult {
    const m = messages[lang]
    const listed = kindsIn(offered)
    const kinds = listed.length > 0 ? listed : initiativeKinds
    return html`<form part="filters" class="filters" role="search" aria-label=${m.filters} novalidate @submit=${(
      event: SubmitEvent,
    ) => this.submit(event)}>
      <div>
        <label for="kind">${m.kind}</label>
        <select id="kind" @change=${(event: Event) => this.choose((event.target as HTMLSelectElement).value, this.near)}>
          <option value="">${m.allKinds}</option>
          ${kinds.map((kind) => html`<option value=${kind} ?selected=${this.kind === kind}>${kindLabels[lang][kind]}</option>`)}
        </select>
      </div>
      <div>
        <label for="near">${m.near}</label>
        <span class="filters">
          <input
            id="near"
            name="near"
            inputmode="numeric"
            autocomplete="postal-code"
            maxlength="5"
            aria-invalid=${this.invalid}
            aria-describedby="near-hint"
          />
          <button type="submit" class="secondary">${m.search}</button>
        </span>
        <span id="near-hint" class=${this.invalid ? 'hint invalid' : 'hint'}>${this.invalid ? m.invalid : m.hint}</span>
      </div>
    </form>`
  }
}
