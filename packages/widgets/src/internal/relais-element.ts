import { LitElement, type PropertyDeclarations } from 'lit'
import type { ApiTarget } from './api.js'
import { languageOf, settingOf, targetOf } from './settings.js'

export type Lang = 'fr' | 'en'

/** Loads the English texts of a widget (its `english.ts`), which fill in the French-first messages. */
export type EnglishTexts = () => Promise<unknown>

// Per loader: the download in flight, or `true` once done (or failed: French then stands in).
const english = new Map<EnglishTexts, Promise<void> | true>()

function englishPending(load: EnglishTexts): Promise<void> | undefined {
  const state = english.get(load)
  if (state === true) return undefined
  if (state) return state
  const done = () => void english.set(load, true)
  const pending = load().then(done, done)
  english.set(load, pending)
  return pending
}

/**
 * What every widget shares: where the API is, which key and language to use (attribute, then the
 * nearest `<relais-config>`, then `Relais.configure`, then the page), the theme, and events.
 */
export class RelaisElement extends LitElement {
  // Reactive properties are declared in `static properties`, here and in every widget, not with
  // decorators: Lit's decorator code would weigh on every page (size budget). Fields keep their
  // initializers: with `useDefineForClassFields: false` (tsconfig.json) they are assignments in the
  // constructor, through Lit's accessors. Private state is `{ state: true }`
  // (what `@state()` gave; `attribute: false` also keeps it out of custom-elements.json).
  // Lit merges a subclass's `properties` with these.
  static override properties: PropertyDeclarations = {
    api: {},
    key: {},
    lang: {},
    theme: { reflect: true },
  }

  /** The widget's English texts; every widget shares at least the common ones. */
  static english: EnglishTexts = () => import('../i18n/common.en.js')

  /** API origin; defaults to the origin the widget script was served from. */
  api = ''
  /** Publishable key (`pk_…`). */
  key = ''
  /** Language of the widget, `fr` or `en`; defaults to the page's `lang`, else French. */
  override lang = ''
  /** `light`, `dark`, or `auto` to follow the visitor's system preference. */
  theme: 'light' | 'dark' | 'auto' = 'light'

  protected setting(name: 'api' | 'key' | 'group' | 'lang'): string {
    return settingOf(this, name)
  }

  /** The language in use: `fr` unless English is asked for somewhere up the page. */
  get language(): Lang {
    return languageOf(this, this.lang)
  }

  protected get target(): ApiTarget {
    return targetOf(this, this)
  }

  // A widget shown in English renders once its English texts are here, never in French first.
  // biome-ignore lint/suspicious/noConfusingVoidType: the signature is Lit's.
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending =
      this.language === 'en' ? englishPending((this.constructor as typeof RelaisElement).english) : undefined
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate()
  }

  /** Fires a bubbling, composed `relais-*` event so the host page can react. */
  protected emit<T>(name: 'relais-load' | 'relais-rsvp' | 'relais-signup' | 'relais-error', detail: T) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }))
  }
}
