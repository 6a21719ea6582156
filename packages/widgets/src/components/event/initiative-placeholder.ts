import { html, type TemplateResult } from 'lit'
import type { Lang } from '../../internal/relais-element.js'
import { buttonPlaceholder, filler, textPlaceholder } from '../../internal/skeleton.js'
import { initiativeTexts } from './initiative.js'
import { messages } from './messages.js'

// The detail of an initiative in grey while it loads, laid out by the same elements and classes as
// `renderFull` and `renderCompact`, so it takes their height at any width. What the API will say is
// unknown: its texts stand as lengths, in characters, typical of an initiative (the demo's).
const typical = {
  kind: 10,
  title: 40,
  summary: 80,
  when: 35,
  /** The place's name, street and commune, each on its line, then the map link. */
  place: [24, 20, 16],
  spots: 40,
  organizer: 20,
  /** Two paragraphs, a blank line between them. */
  description: [110, 100],
  tag: 10,
  header: 55,
}

function fact(label: string, lines: (string | number)[]): TemplateResult {
  return html`<div>
    <dt>${textPlaceholder(label)}</dt>
    <dd>${lines.map((line) => textPlaceholder(line))}</dd>
  </div>`
}

/** In the place of `renderFull`: kind, title, summary, facts, description, tags, calendar, then `form`. */
export function initiativePlaceholder(lang: Lang, form: TemplateResult): TemplateResult {
  const m = messages[lang]
  const [first = 0, second = 0] = typical.description
  return html`<p class="kind">${textPlaceholder(typical.kind)}</p>
    <h2>${textPlaceholder(typical.title)}</h2>
    <p class="summary">${textPlaceholder(typical.summary)}</p>
    <dl class="facts">
      ${fact(m.when, [typical.when])} ${fact(m.where, [...typical.place, m.map])} ${fact(m.spots, [typical.spots])}
      ${fact(m.organizer, [typical.organizer])}
    </dl>
    <p class="description">${textPlaceholder(`${filler(first)}\n\n${filler(second)}`)}</p>
    <ul class="tags">
      <li>${textPlaceholder(typical.tag)}</li>
    </ul>
    <p>${buttonPlaceholder(initiativeTexts[lang].calendar)}</p>
    <section class="rsvp">
      <h3>${textPlaceholder(m.rsvpTitle)}</h3>
      ${form}
    </section>`
}

/** In the place of `renderCompact`: the header line, then `form`. */
export function compactPlaceholder(form: TemplateResult): TemplateResult {
  return html`<section class="rsvp compact">
    <p class="header">${textPlaceholder(typical.header)}</p>
    ${form}
  </section>`
}
