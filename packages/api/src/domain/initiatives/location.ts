import { invalid } from '../errors.js'
import { findPlace } from '../places/index.js'
import { publicCoordinates } from '../search-text.js'
import type { LocationFields } from './fields.js'

/** The location columns of an initiative row. */
export interface LocationColumns {
  location_name: string | null
  address: string | null
  postcode: string | null
  commune: string | null
  latitude: number | null
  longitude: number | null
  public_latitude: number | null
  public_longitude: number | null
  hide_address: boolean
}

const nowhere: LocationColumns = {
  location_name: null,
  address: null,
  postcode: null,
  commune: null,
  latitude: null,
  longitude: null,
  public_latitude: null,
  public_longitude: null,
  hide_address: false,
}

const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : null)

/**
 * Places an initiative: a postcode alone is located with the offline postcode table (and names the
 * commune when it has only one), so that "near me" finds it; the public coordinates are coarse when
 * the address is kept for participants.
 */
export function resolveLocation(location: LocationFields | null | undefined): LocationColumns {
  if (!location) return nowhere
  const postcode = blank(location.postcode)
  const place = postcode ? findPlace(postcode) : undefined
  let latitude = location.latitude ?? null
  let longitude = location.longitude ?? null
  if (latitude === null || longitude === null) {
    if (postcode && !place) {
      throw invalid('location.postcode', 'This postcode is unknown: check it, or give latitude and longitude.')
    }
    latitude = place?.latitude ?? null
    longitude = place?.longitude ?? null
  }
  const onlyCommune = place?.communes.length === 1 ? (place.communes[0]?.name ?? null) : null
  const hideAddress = location.hide_address ?? false
  const columns: LocationColumns = {
    location_name: blank(location.name),
    address: blank(location.address),
    postcode,
    commune: blank(location.commune) ?? onlyCommune,
    latitude,
    longitude,
    ...publicCoordinates(latitude, longitude, hideAddress),
    hide_address: hideAddress,
  }
  const somewhere = Object.entries(columns).some(([name, value]) => name !== 'hide_address' && value !== null)
  return somewhere ? columns : nowhere
}

/** Whether two rows are at the same place, as a calendar would show it. */
export function samePlace(
  a: LocationColumns & { online_url: string | null },
  b: LocationColumns & { online_url: string | null },
) {
  return (
    a.location_name === b.location_name &&
    a.address === b.address &&
    a.postcode === b.postcode &&
    a.commune === b.commune &&
    a.latitude === b.latitude &&
    a.longitude === b.longitude &&
    a.hide_address === b.hide_address &&
    a.online_url === b.online_url
  )
}
