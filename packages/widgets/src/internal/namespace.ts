/** Page-wide defaults, set by `Relais.configure({...})` or the loader. */
export interface RelaisDefaults {
  api?: string
  key?: string
  group?: string
  lang?: string
}

/** The one global Relais adds to a page. */
export interface RelaisNamespace {
  version: string
  /** Where the loader was served from: the API's origin unless configured otherwise. */
  scriptOrigin?: string
  defaults: RelaisDefaults
  configure(defaults: RelaisDefaults): void
  /** The answer to this request if the loader already asked for it, taken once (see `fetchAhead`). */
  ahead?: (url: URL, init: RequestInit) => Promise<Answer> | undefined
}

/** What a widget reads of an HTTP answer: a `Response`, or one the loader has read already. */
export type Answer = Pick<Response, 'ok' | 'status' | 'headers' | 'json'>

declare global {
  var Relais: RelaisNamespace | undefined
}

/** The namespace, created on first use so widgets imported without the loader work too. */
export function relaisNamespace(): RelaisNamespace {
  globalThis.Relais ??= {
    version: '__RELAIS_VERSION__',
    defaults: {},
    configure(defaults) {
      Object.assign(this.defaults, defaults)
      document.dispatchEvent(new CustomEvent('relais-configure'))
    },
  }
  return globalThis.Relais
}
