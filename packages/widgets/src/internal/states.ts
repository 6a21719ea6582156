import { html, nothing, type TemplateResult } from 'lit'
import { common, describeFailure } from '../i18n/common.js'
import type { ApiError } from './api.js'
import type { Lang } from './relais-element.js'

/** Grey blocks in the place of the content, the same height, so nothing jumps when it arrives. */
export function skeleton(lang: Lang, blocks: number, height = '4.5rem'): TemplateResult {
  return html`<div part="skeleton" aria-busy="true">
    <span class="visually-hidden">${common[lang].loading}</span>
    ${Array.from(
      { length: blocks },
      () => html`<span class="skeleton" style="height:${height};margin-bottom:0.75rem" aria-hidden="true"></span>`,
    )}
  </div>`
}

/** A visible failure with a way out. */
export function failure(lang: Lang, error: ApiError | undefined, retry: () => void): TemplateResult {
  return html`<div part="error" class="notice error" role="alert">
    <p>${describeFailure(lang, error?.status ?? 0)}</p>
    <button type="button" part="retry-button" @click=${retry}>${common[lang].retry}</button>
  </div>`
}

/** A helpful word when there is nothing to show. */
export function empty(message: string, action?: TemplateResult): TemplateResult {
  return html`<div part="empty" class="notice"><p>${message}</p>${action ?? nothing}</div>`
}

/** Only http(s) links from organizers or visitors become links. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}
