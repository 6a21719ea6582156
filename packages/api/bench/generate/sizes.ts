/** What one scale unit holds: an organization the size of a mid-sized national party. */
export const perScale = {
  groups: 2_000,
  members: 200_000,
  initiatives: 20_000,
  rsvps: 500_000,
} as const

export interface Sizes {
  groups: number
  federations: number
  sections: number
  members: number
  initiatives: number
  rsvps: number
}

/** Metropolitan departments: one federation each at most, as a party is organized. */
const maxFederations = 94

export function sizesAt(scale: number): Sizes {
  const groups = Math.max(4, Math.round(perScale.groups * scale))
  const federations = Math.min(maxFederations, Math.max(2, Math.round(groups / 21)))
  return {
    groups,
    federations,
    sections: groups - 1 - federations,
    members: Math.max(50, Math.round(perScale.members * scale)),
    initiatives: Math.max(20, Math.round(perScale.initiatives * scale)),
    rsvps: Math.round(perScale.rsvps * scale),
  }
}
