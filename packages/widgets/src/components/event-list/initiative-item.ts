import { html, type TemplateResult } from 'lit'
import { dateFormat } from '../../i18n/dates.js'
import type { Lang } from '../../internal/relais-element.js'
import type { Initiative } from '../event/initiative.js'

/** The calendar-page look: month and day of the start, in the initiative's own zone. */
export function dateBlock(initiative: Initiative, lang: Lang): TemplateResult {
  const start = new Date(initiative.starts_at)
  const part = (options: Intl.DateTimeFormatOptions) => dateFormat(lang, initiative.timezone, options).format(start)
  // Hidden from screen readers: the schedule beside it says the same in words.
  return html`<div part="date" class="date" aria-hidden="true">
    <span>${part({ month: 'short' })}</span><span class="day">${part({ day: 'numeric' })}</span>
  </div>`
}

/** Grey rows shaped like the items, as many as a page holds: nothing moves when they arrive. */
export function itemSkeletons(count: number, label: string): TemplateResult {
  return html`<div part="skeleton" aria-busy="true">
    <span class="visually-hidden">${label}</span>
    <ul class="initiatives" aria-hidden="true">
      ${Array.from(
        { length: count },
        () => html`<li><div class="initiative">
          <span class="skeleton date"></span>
          <span class="body"><span class="skeleton line"></span><span class="skeleton line"></span></span>
        </div></li>`,
      )}
    </ul>
  </div>`
}
