import type { ApiTarget } from './api.js'
import { relaisNamespace } from './namespace.js'
import type { Lang } from './relais-element.js'

// How a widget's tag says where its data comes from, read from the element alone: by the widget
// once defined, and by the loader before its code has arrived (no Lit here).

/** A page-wide setting: the widget's own attribute, then the nearest `<relais-config>`, then `Relais.configure`. */
export function settingOf(element: Element, name: 'api' | 'key' | 'group' | 'lang'): string {
  return (
    element.getAttribute(name) ||
    element.closest('relais-config')?.getAttribute(name) ||
    relaisNamespace().defaults[name] ||
    ''
  )
}

/** `fr` unless English is asked for: by the widget (`own`), its settings, or the page around it. */
export function languageOf(element: Element, own?: string): Lang {
  const asked = own || settingOf(element, 'lang') || element.closest('[lang]')?.getAttribute('lang') || 'fr'
  return asked.toLowerCase().startsWith('en') ? 'en' : 'fr'
}

/** Where a widget's requests go, with which key and language; `own` are its properties, if defined. */
export function targetOf(element: Element, own: { api?: string; key?: string; lang?: string }): ApiTarget {
  return {
    api: own.api || settingOf(element, 'api') || relaisNamespace().scriptOrigin || location.origin,
    key: own.key || settingOf(element, 'key'),
    lang: languageOf(element, own.lang),
    widget: element.localName,
  }
}
