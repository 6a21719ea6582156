import type { Lang } from '../internal/relais-element.js'

/** A widget's messages in both languages; French is the reference. */
export type Messages<K extends string> = Record<Lang, Record<K, string>>

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
}

export const common = {
  fr: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    error: 'Le chargement a échoué.',
    network: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    forbidden: "Ce site n'est pas autorisé à afficher ces informations (clé ou origine refusée).",
    notFound: "Ce contenu n'existe pas ou n'est plus disponible.",
    tooMany: 'Trop de demandes en peu de temps. Réessayez dans un instant.',
  },
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    error: 'Loading failed.',
    network: 'The server does not answer. Check your connection and try again.',
    forbidden: 'This site is not allowed to show this information (key or origin refused).',
    notFound: 'This content does not exist or is no longer available.',
    tooMany: 'Too many requests in a short time. Try again in a moment.',
  },
} satisfies Messages<string>

/** What to tell a visitor about a failed request. */
export function describeFailure(lang: Lang, status: number): string {
  const m = common[lang]
  if (status === 0) return m.network
  if (status === 401 || status === 403) return m.forbidden
  if (status === 404) return m.notFound
  if (status === 429) return m.tooMany
  return m.error
}
