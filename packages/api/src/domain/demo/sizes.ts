/** How much data a demo holds. */
export interface DemoSize {
  federations: number
  sectionsPerFederation: number
  thematicGroups: number
  actionGroups: number
  members: number
  upcomingInitiatives: number
  pastInitiatives: number
  draftInitiatives: number
  cancelledInitiatives: number
}

export const demoSizes = {
  /** Enough to look like a party a few months before an election, and to exercise paging. */
  full: {
    federations: 12,
    sectionsPerFederation: 6,
    thematicGroups: 5,
    actionGroups: 3,
    members: 2400,
    upcomingInitiatives: 360,
    pastInitiatives: 60,
    draftInitiatives: 5,
    cancelledInitiatives: 3,
  },
  /** A second tenant for isolation tests: every kind of row, a handful of each. */
  small: {
    federations: 1,
    sectionsPerFederation: 2,
    thematicGroups: 1,
    actionGroups: 0,
    members: 20,
    upcomingInitiatives: 8,
    pastInitiatives: 2,
    draftInitiatives: 0,
    cancelledInitiatives: 0,
  },
} as const satisfies Record<string, DemoSize>

export type DemoSizeName = keyof typeof demoSizes
