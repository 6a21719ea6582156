import { html, nothing, type TemplateResult } from 'lit'
import { consentPlaceholder, fieldPlaceholder } from '../../internal/form.js'
import type { Lang } from '../../internal/relais-element.js'
import { buttonPlaceholder, filler, textPlaceholder } from '../../internal/skeleton.js'
import { messages } from './messages.js'
import { signupFields } from './signup-fields.js'

// Typical lengths, in characters, of what the API will say: the consent texts (the demo's French
// ones are 847 and 269 characters: a membership text names the data, the purpose, how long it is
// kept and the rights) and the name of the group joined.
const typical = { membership: 850, news: 270, group: 24 }

export interface SignupShape {
  heading: string
  /** Whether a group is joined: its name comes on a line of its own. */
  group: boolean
  news: boolean
}

/**
 * The form's place while its consent texts load, laid out as `renderForm` lays out the form: its
 * fields are known, the texts of the API stand as typical lengths.
 */
export function signupPlaceholder(lang: Lang, shape: SignupShape): TemplateResult {
  const m = messages[lang]
  const fields = signupFields(lang, { membership: undefined, news: undefined, section: undefined })
  const field = (name: string, wide = false) => {
    const found = fields.find((f) => f.name === name)
    return found ? fieldPlaceholder(found, lang, wide) : nothing
  }
  return html`<div class="form">
    ${shape.heading ? html`<h2 class="wide">${textPlaceholder(shape.heading)}</h2>` : nothing}
    <p class="wide">${textPlaceholder(m.allRequired)}</p>
    ${field('given_name')} ${field('family_name')} ${field('email', true)} ${field('postcode')} ${field('phone')}
    ${shape.group ? groupPlaceholder(lang) : nothing} ${consentPlaceholder(typical.membership)}
    ${shape.news ? consentPlaceholder(typical.news) : nothing}
    <p class="wide">${buttonPlaceholder(m.submit)}</p>
  </div>`
}

/** "Vous rejoindrez : …" while the group's name loads. */
export function groupPlaceholder(lang: Lang): TemplateResult {
  return html`<p class="wide group" aria-hidden="true">${textPlaceholder(`${messages[lang].joining} ${filler(typical.group)}`)}</p>`
}
