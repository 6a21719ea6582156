import { findPlace } from '../places/index.js'
import type { Random } from './random.js'

export interface Coordinates {
  latitude: number
  longitude: number
}

/** Coordinates from the same table the API answers `near` with, so demo searches by postcode hit. */
export function coordinatesOf(postcode: string): Coordinates {
  const place = findPlace(postcode)
  if (!place) throw new Error(`demo geography: postcode ${postcode} is not in the places table`)
  return { latitude: place.latitude, longitude: place.longitude }
}

/** A point a few hundred metres away: initiatives of one town should not all sit on its town hall. */
export function nearby(point: Coordinates, random: Random): Coordinates {
  const round = (value: number) => Math.round(value * 1e6) / 1e6
  return {
    latitude: round(point.latitude + (random.next() - 0.5) * 0.016),
    longitude: round(point.longitude + (random.next() - 0.5) * 0.024),
  }
}
