import { css, html, type TemplateResult } from 'lit'
import { common } from '../i18n/common.js'
import type { Lang } from './relais-element.js'

// Apart from states.ts: the event list draws placeholders of its own, and is the widget with the
// tightest size budget, so it must not load this one.

// Heights come from classes, never from a style attribute: strict Content-Security-Policy pages
// refuse inline style attributes and the placeholders would collapse.
export const skeletonStyles = css`
  .sk-line {
    height: 2.75rem;
    margin-bottom: 0.75rem;
  }
  /* A text placeholder is as tall as its text, which is there but invisible: it wraps as the
     real text will, in the same font, at any width. */
  .skeleton.sk-text {
    width: fit-content;
    max-width: 100%;
    color: transparent;
    user-select: none;
  }
  /* An input or a button: the box of the shared button and input styles. */
  .sk-control {
    min-height: 44px;
    padding: 0.5em 1em;
    border: 1px solid transparent;
  }
`

/** Grey lines, for content whose shape is not known beforehand. */
export function skeleton(lang: Lang, lines: number): TemplateResult {
  return busy(
    lang,
    Array.from({ length: lines }, () => html`<span class="skeleton sk-line"></span>`),
  )
}

/**
 * The loading state around placeholders drawn like the content they stand for: busy, said to
 * screen readers in words, the placeholders hidden from them.
 */
export function busy(lang: Lang, placeholders: unknown): TemplateResult {
  return html`<div part="skeleton" aria-busy="true">
    <span class="visually-hidden">${common[lang].loading}</span>
    <div aria-hidden="true">${placeholders}</div>
  </div>`
}

// Invisible words: figure spaces, as wide as a digit (1.23 characters of a French text on average)
// and never a line break, of lengths as varied as a text's words, so that lines break as often.
const wordLengths = [1, 6, 2, 7, 3, 4, 8, 2, 5, 6]

/** Invisible words as wide as a text of about `chars` characters, to give a placeholder its height. */
export function filler(chars: number): string {
  const words: string[] = []
  for (let i = 0, left = chars; left >= 1; i++) {
    // The last word is cut to the characters left.
    const length = Math.max(1, Math.min(wordLengths[i % wordLengths.length] ?? 1, Math.round((left - 0.62) / 1.23)))
    words.push('\u2007'.repeat(length))
    left -= 1.23 * length + 0.62
  }
  return words.join(' ')
}

/** A button's place: as wide and tall as the button with its label. */
export function buttonPlaceholder(label: string): TemplateResult {
  return textPlaceholder(label, 'sk-control')
}

/**
 * A grey block as tall as a text: `text` itself when it is known before the data (a label), else
 * a number of characters, typical of what will come (a title, a consent text).
 */
export function textPlaceholder(text: string | number, className = ''): TemplateResult {
  return html`<span class="skeleton sk-text ${className}">${typeof text === 'number' ? filler(text) : text}</span>`
}
