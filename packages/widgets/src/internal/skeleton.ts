import { css, html, type TemplateResult } from 'lit'
import { common } from '../i18n/common.js'
import type { Lang } from './relais-element.js'

// Apart from states.ts: the event list draws placeholders of its own, and is the widget with the
// tightest size budget, so it must not load this one.

/** How tall each placeholder block is: a text line, a form field, a card, or the widget's own row. */
export type SkeletonSize = 'line' | 'field' | 'card' | 'row'

// Heights come from classes, never from a style attribute: strict Content-Security-Policy pages
// refuse inline style attributes and the placeholders would collapse.
export const skeletonStyles = css`
  .sk-block {
    margin-bottom: 0.75rem;
  }
  .sk-line {
    height: 2.75rem;
  }
  .sk-field {
    height: 3.5rem;
  }
  .sk-card {
    height: 4.5rem;
  }
  .sk-row {
    height: var(--_row, 4.5rem);
  }
`

/** Grey blocks in the place of the content, the same height, so nothing jumps when it arrives. */
export function skeleton(lang: Lang, blocks: number, size: SkeletonSize = 'card'): TemplateResult {
  return html`<div part="skeleton" aria-busy="true">
    <span class="visually-hidden">${common[lang].loading}</span>
    ${Array.from({ length: blocks }, () => html`<span class="skeleton sk-block sk-${size}" aria-hidden="true"></span>`)}
  </div>`
}
