import type { InitiativeKind } from '../../db/types.js'
import type { Random } from './random.js'

// Street names found in nearly every French town, so an address reads true wherever it lands.
const streets = [
  'rue de la République',
  'avenue Jean-Jaurès',
  'rue Victor-Hugo',
  'boulevard Gambetta',
  'place de la Mairie',
  'rue Jules-Ferry',
  'rue Pasteur',
  'avenue de la Libération',
  'rue du Général-Leclerc',
  'rue Émile-Zola',
  'place de la Liberté',
  'rue Voltaire',
  'rue Jean-Moulin',
  'rue de la Paix',
  'avenue Aristide-Briand',
  'rue Lucie-Aubrac',
] as const

// `online` has no venue; the record keeps every kind so a new kind cannot be forgotten here.
const venues: Record<InitiativeKind, readonly string[]> = {
  meeting: [
    'Maison des associations',
    'Salle municipale Jean-Moulin',
    'Salle polyvalente Louise-Michel',
    'Café associatif Le Relais',
    'Bourse du travail',
    'Local du mouvement',
  ],
  canvassing: ['Local du mouvement'],
  leafleting: ['Place de la Mairie'],
  phone_bank: ['Local du mouvement', 'Maison des associations'],
  rally: ['Palais des congrès', 'Parc des expositions', 'Salle Jean-Jaurès', 'Halle des sports'],
  online: [],
  other: ['Maison des associations', 'Jardin partagé', 'Parc municipal'],
}

export interface Venue {
  location_name: string
  address: string
}

export function venueFor(kind: InitiativeKind, random: Random, locationName?: string): Venue {
  return {
    location_name: locationName ?? random.pick(venues[kind]),
    address: `${random.int(1, 120)} ${random.pick(streets)}`,
  }
}
