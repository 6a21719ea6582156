import { html, nothing, type TemplateResult } from 'lit'
import { common, describeFailure } from '../i18n/common.js'
import type { ApiError } from './api.js'
import type { Lang } from './relais-element.js'

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

/** Only http(s) links from organizers or visitors become links; a relative `url` is read against `base`. */
export function safeUrl(url: string | null | undefined, base?: string): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url, base)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}
