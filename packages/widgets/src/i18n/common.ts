import type { Lang } from '../internal/relais-element.js'

/** A widget's messages in both languages; French is the reference. */
export type Messages<K extends string> = Record<Lang, Record<K, string>>

/**
 * Messages whose English is kept in a `*.en.ts` file next to them and loaded only when a widget is
 * shown in English (see `RelaisElement.english`): French pages, the common case, download none of
 * it. Until it arrives, and if it cannot, the French text stands in.
 */
export function frenchFirst<K extends string>(fr: Record<K, string>): Messages<K> {
  return { fr, en: fr }
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
}

export const common = frenchFirst({
  loading: 'Chargement…',
  retry: 'Réessayer',
  error: 'Le chargement a échoué.',
  network: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
  forbidden: "Ce site n'est pas autorisé à afficher ces informations (clé ou origine refusée).",
  notFound: "Ce contenu n'existe pas ou n'est plus disponible.",
  tooMany: 'Trop de demandes en peu de temps. Réessayez dans un instant.',
})

/** What to tell a visitor about a failed request. */
export function describeFailure(lang: Lang, status: number): string {
  const m = common[lang]
  if (status === 0) return m.network
  if (status === 401 || status === 403) return m.forbidden
  if (status === 404) return m.notFound
  if (status === 429) return m.tooMany
  return m.error
}
