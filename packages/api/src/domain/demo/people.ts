import type { Random } from './random.js'
import { kebabCase } from './slug.js'

/** Names common in France across generations, so the member list reads like a real one. */
// biome-ignore format: a table of names reads better in rows
const givenNames = [
  'Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Sophie', 'Christine', 'Valérie', 'Sandrine', 'Céline',
  'Julie', 'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Laura', 'Aurélie',
  'Claire', 'Élodie', 'Pauline', 'Mathilde', 'Lucie', 'Anne', 'Hélène', 'Agnès', 'Fatima', 'Yasmine',
  'Amina', 'Nadia', 'Louise', 'Jeanne', 'Alice', 'Zoé', 'Anaïs', 'Margaux', 'Océane', 'Françoise',
  'Jean', 'Pierre', 'Michel', 'Philippe', 'Alain', 'Nicolas', 'Christophe', 'Laurent', 'Stéphane', 'Thomas',
  'Julien', 'Sébastien', 'Olivier', 'David', 'Frédéric', 'Antoine', 'Maxime', 'Alexandre', 'Hugo', 'Lucas',
  'Théo', 'Louis', 'Gabriel', 'Raphaël', 'Arthur', 'Mathis', 'Nathan', 'Karim', 'Mehdi', 'Youssef',
  'Rachid', 'Samir', 'Mamadou', 'Jean-Pierre', 'Jean-Luc', 'Marc', 'Vincent', 'François', 'Benoît', 'Yann',
] as const

// biome-ignore format: a table of names reads better in rows
const familyNames = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
  'Benali', 'Haddad', 'Nguyen', 'Diallo', 'Traoré', 'Le Gall', 'Le Goff', 'Kerbrat', 'Ferreira', 'Da Silva',
] as const

// Only the domains reserved for documentation (RFC 2606): a demo must never mail a real person.
const emailDomains = ['example.org', 'example.org', 'example.com', 'example.net'] as const

export interface PersonName {
  given: string
  family: string
}

export function personName(random: Random): PersonName {
  return { given: random.pick(givenNames), family: random.pick(familyNames) }
}

/**
 * `prenom.nom@example.org`, or `prenom.nom+2@…` when taken (the plus keeps it one mailbox, as
 * people do). A few are typed with capitals, so the demo shows the address kept as given
 * while uniqueness is checked on its normalized form.
 */
export function demoEmail(random: Random, name: PersonName, taken: Set<string>): string {
  const local = `${kebabCase(name.given)}.${kebabCase(name.family)}`
  const domain = random.pick(emailDomains)
  let email = `${local}@${domain}`
  for (let n = 2; taken.has(email); n++) email = `${local}+${n}@${domain}`
  taken.add(email)
  if (!random.chance(0.05)) return email
  const [user = '', host = ''] = email.split('@')
  return `${user.replace(/(^|[.-])([a-z])/g, (_, sep: string, letter: string) => sep + letter.toUpperCase())}@${host}`
}

/** A French mobile number in E.164, the form the API stores. */
export function mobilePhone(random: Random): string {
  const digits = Array.from({ length: 8 }, () => random.int(0, 9)).join('')
  return `+33${random.chance(0.8) ? 6 : 7}${digits}`
}
