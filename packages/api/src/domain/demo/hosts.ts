import type { InitiativeKind } from '../../db/types.js'
import type { Coordinates } from './coordinates.js'
import type { FederationGroup, GroupRow, GroupTree, SectionGroup } from './groups.js'
import type { DemoMember } from './members.js'
import type { Tenant } from './tenant.js'
import type { Tag } from './topics.js'

/** Where a host's initiatives may take place. */
export interface InitiativePlace {
  commune: string
  postcodes: readonly string[]
  quartiers: readonly string[]
  market: string
  coordinates: Coordinates
}

export type HostCategory = 'section' | 'federation' | 'thematic' | 'national' | 'action'

/** A group that organizes initiatives, with what it organizes, where, and for whom. */
export interface Host {
  category: HostCategory
  group: GroupRow
  /** Relative frequency of each kind it organizes. */
  kinds: Partial<Record<InitiativeKind, number>>
  places: readonly InitiativePlace[]
  /** Completes "Assemblée générale …": "de la section Lyon 3e". */
  ofGroup: string
  /** Relative share of the initiatives of its category. */
  weight: number
  /** Thematic groups keep to their theme. */
  tag?: Tag
  /** 1 for the members it mainly draws (its area), 2 for those who come from further, 0 for others. */
  reach(member: DemoMember): 0 | 1 | 2
}

const sectionKinds = { canvassing: 26, leafleting: 26, meeting: 22, phone_bank: 10, other: 10, online: 3 }

const placeOfSection = (section: SectionGroup): InitiativePlace => ({
  ...section.area,
  coordinates: section.coordinates,
})

function placeOfFederation(federation: FederationGroup): InitiativePlace {
  const main = federation.sections[0]
  if (!main) throw new Error(`federation ${federation.row.name} has no section`)
  return { ...placeOfSection(main), commune: federation.area.city }
}

export function buildHosts(tenant: Tenant, tree: GroupTree): Host[] {
  const cities = tree.federations.map(placeOfFederation)
  const everywhere = tree.sections.map(placeOfSection)
  const everyone = () => 1 as const
  const hosts: Host[] = [
    ...tree.sections.map(
      (section): Host => ({
        category: 'section',
        group: section.row,
        kinds: sectionKinds,
        places: [placeOfSection(section)],
        ofGroup: `de la section ${section.area.commune}`,
        weight: section.area.weight,
        reach: (m) => (m.section === section ? 1 : m.section.federation === section.federation ? 2 : 0),
      }),
    ),
    ...tree.federations.map(
      (federation): Host => ({
        category: 'federation',
        group: federation.row,
        kinds: { meeting: 30, rally: 25, phone_bank: 25, online: 10, other: 10 },
        places: [placeOfFederation(federation)],
        ofGroup: `de la fédération ${federation.area.of}`,
        weight: 1,
        reach: (m) => (m.section.federation === federation ? 1 : 0),
      }),
    ),
    ...tree.thematic.map(
      ({ row, theme }): Host => ({
        category: 'thematic',
        group: row,
        kinds: { meeting: 45, online: 45, other: 10 },
        places: cities,
        ofGroup: `du groupe ${theme.name}`,
        weight: 1,
        tag: theme.tag,
        reach: everyone,
      }),
    ),
    {
      category: 'national',
      group: tree.national,
      kinds: { rally: 40, online: 40, meeting: 20 },
      places: cities,
      ofGroup: `de ${tenant.name}`,
      weight: 1,
      reach: everyone,
    },
  ]
  const [porteAPorte, jeunes] = tree.action
  const paris = tree.sections.filter((s) => s.federation.area.department === '75').map(placeOfSection)
  if (porteAPorte && paris.length > 0) {
    hosts.push({
      category: 'action',
      group: porteAPorte,
      kinds: { canvassing: 1 },
      places: paris,
      ofGroup: `du groupe ${porteAPorte.name}`,
      weight: 2,
      reach: (m) => (m.section.federation.area.department === '75' ? 1 : 0),
    })
  }
  if (jeunes) {
    hosts.push({
      category: 'action',
      group: jeunes,
      kinds: { meeting: 30, other: 30, leafleting: 20, online: 20 },
      places: everywhere,
      ofGroup: `du groupe ${jeunes.name}`,
      weight: 1,
      reach: everyone,
    })
  }
  return hosts
}
