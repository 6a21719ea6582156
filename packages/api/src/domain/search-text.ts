import { foldText } from './text.js'

// What `q` searches, per resource: kept beside each other so seeds, imports and updates agree.

export function groupSearchText(group: {
  name: string
  department?: string | null
  postcodes?: readonly string[]
}): string {
  return foldText(group.name, group.department, ...(group.postcodes ?? []))
}

export function initiativeSearchText(initiative: {
  title: string
  summary?: string | null
  location_name?: string | null
  commune?: string | null
  postcode?: string | null
  tags?: readonly string[]
}): string {
  return foldText(
    initiative.title,
    initiative.summary,
    initiative.location_name,
    initiative.commune,
    initiative.postcode,
    ...(initiative.tags ?? []),
  )
}

/** Coordinates safe to publish: about 1 km off when the exact address is kept for participants. */
export function publicCoordinates(
  latitude: number | null,
  longitude: number | null,
  hideAddress: boolean,
): { public_latitude: number | null; public_longitude: number | null } {
  if (latitude === null || longitude === null) return { public_latitude: null, public_longitude: null }
  if (!hideAddress) return { public_latitude: latitude, public_longitude: longitude }
  return { public_latitude: Math.round(latitude * 100) / 100, public_longitude: Math.round(longitude * 100) / 100 }
}
