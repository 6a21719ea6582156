/**
 * French prepositions before place names: "d'Aix", "du Perget", "aux Minguettes", "à la
 * Bastide". Titles are read by people; "de Aix" or "à Les Pins" would give the demo away.
 */

const articles: readonly [prefix: string, of: string, at: string][] = [
  ['Les ', 'des ', 'aux '],
  ['Le ', 'du ', 'au '],
  ['La ', 'de la ', 'à la '],
  ["L'", "de l'", "à l'"],
]

const startsWithVowel = (name: string) => /^[AEIOUYÀÂÉÈÊÎÏÔÛ]/i.test(name)

function withPreposition(name: string, which: 1 | 2): string {
  for (const entry of articles) {
    if (name.startsWith(entry[0])) return entry[which] + name.slice(entry[0].length)
  }
  if (which === 1) return startsWithVowel(name) ? `d'${name}` : `de ${name}`
  return `à ${name}`
}

/** "de Paris", "d'Antibes", "des Pins". */
export const ofPlace = (name: string) => withPreposition(name, 1)

/** "à Paris", "au Perget", "aux Minguettes". */
export const atPlace = (name: string) => withPreposition(name, 2)

/** A neighbourhood after "quartier": "quartier Belleville", but "quartier de la Bastide". */
export function quartierName(name: string): string {
  return articles.some(([prefix]) => name.startsWith(prefix)) ? ofPlace(name) : name
}
