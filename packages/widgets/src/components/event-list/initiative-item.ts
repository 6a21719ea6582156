import { html, nothing, type TemplateResult } from 'lit'
import { formatSchedule } from '../../i18n/dates.js'
import type { Lang } from '../../internal/relais-element.js'
import { type Initiative, kindLabels, placeOf, spotsOf } from '../event/initiative.js'

const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' }

/** The calendar-page look: month and day of the start, in the initiative's own zone. */
function dateBlock(initiative: Initiative, lang: Lang): TemplateResult {
  const start = new Date(initiative.starts_at)
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locales[lang], { ...options, timeZone: initiative.timezone }).format(start)
  // Hidden from screen readers: the schedule beside it says the same in words.
  return html`<div part="date" class="date" aria-hidden="true">
    <span>${part({ month: 'short' })}</span><span class="day">${part({ day: 'numeric' })}</span>
  </div>`
}

/**
 * One initiative of the list: an article named by its heading (focusable, for "Voir plus"), with
 * the actions and, when asked, the inline RSVP form below.
 */
export function initiativeItem(
  initiative: Initiative,
  lang: Lang,
  parts: { title: TemplateResult | string; actions: TemplateResult; rsvp: TemplateResult | typeof nothing },
): TemplateResult {
  const place = placeOf(initiative, lang)
  const spots = spotsOf(initiative, lang)
  return html`<li>
    <article part="initiative" class="initiative" aria-labelledby="t-${initiative.id}">
      ${dateBlock(initiative, lang)}
      <div class="body">
        <h3 part="title" class="title" id="t-${initiative.id}" tabindex="-1">${parts.title}</h3>
        <p class="meta">
          <span part="kind" class="kind">${kindLabels[lang][initiative.kind]}</span>
          <time datetime=${initiative.starts_at}
            >${formatSchedule(initiative.starts_at, initiative.ends_at, initiative.timezone, lang)}</time
          >
        </p>
        ${
          place || spots
            ? html`<p class="meta">
              ${place ? html`<span part="place">${place}</span>` : nothing}
              ${spots ? html`<span part="spots" class="spots">${spots}</span>` : nothing}
            </p>`
            : nothing
        }
        ${
          initiative.tags.length > 0
            ? html`<ul part="tags" class="tags">
              ${initiative.tags.map((tag) => html`<li>${tag}</li>`)}
            </ul>`
            : nothing
        }
        <div class="actions">${parts.actions}</div>
      </div>
      ${parts.rsvp}
    </article>
  </li>`
}

/** Grey rows shaped like the items, as many as a page holds: nothing moves when they arrive. */
export function itemSkeletons(count: number, label: string): TemplateResult {
  return html`<div part="skeleton" aria-busy="true">
    <span class="visually-hidden">${label}</span>
    <ul class="initiatives" aria-hidden="true">
      ${Array.from(
        { length: count },
        () => html`<li class="initiative">
          <span class="skeleton date"></span>
          <span class="body"><span class="skeleton line"></span><span class="skeleton line"></span></span>
        </li>`,
      )}
    </ul>
  </div>`
}
