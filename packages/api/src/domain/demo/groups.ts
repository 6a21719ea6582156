import type { Insertable } from 'kysely'
import type { GroupKind, GroupPostcodeTable, GroupTable, GroupVisibility } from '../../db/types.js'
import { newId } from '../ids.js'
import { groupSearchText } from '../search-text.js'
import { type Coordinates, coordinatesOf } from './coordinates.js'
import { ofPlace } from './french.js'
import { type FederationArea, federationAreas, type SectionArea } from './geography.js'
import { DAY, HOUR } from './paris-time.js'
import type { Random } from './random.js'
import type { DemoSize } from './sizes.js'
import { kebabCase } from './slug.js'
import type { Tenant } from './tenant.js'
import { type Theme, themes } from './topics.js'

export type GroupRow = Insertable<GroupTable> & { path: string; depth: number; created_at: Date }

export interface SectionGroup {
  row: GroupRow
  area: SectionArea
  federation: FederationGroup
  coordinates: Coordinates
}

export interface FederationGroup {
  row: GroupRow
  area: FederationArea
  sections: SectionGroup[]
  coordinates: Coordinates
}

export interface GroupTree {
  national: GroupRow
  federations: FederationGroup[]
  sections: SectionGroup[]
  thematic: { row: GroupRow; theme: Theme }[]
  action: GroupRow[]
  /** Parents before children, as the foreign key on parent_id needs. */
  rows: GroupRow[]
  postcodes: Insertable<GroupPostcodeTable>[]
}

interface GroupSpec {
  kind: GroupKind
  name: string
  description: string
  createdAt: Date
  visibility?: GroupVisibility
  department?: string
  postcodes?: readonly string[]
  coordinates?: Coordinates
  contactEmail?: string
  websiteUrl?: string
}

const actionGroups = [
  {
    name: 'Porte-à-porte Île-de-France',
    description:
      'Les volontaires du porte-à-porte en Île-de-France : on se forme ensemble et on renforce les sections qui en ont besoin, chaque week-end.',
    visibility: 'public',
  },
  {
    name: 'Jeunes',
    description:
      'Lycéens, étudiants, jeunes actifs de moins de 30 ans : débats, campagnes et actions de terrain par et pour les jeunes.',
    visibility: 'public',
  },
  {
    name: 'Réseau des élus locaux',
    description:
      "L'espace de travail des élus municipaux, départementaux et régionaux du mouvement : partage d'expériences et de délibérations.",
    visibility: 'private',
  },
] as const

function makeGroup(tenant: Tenant, parent: GroupRow | null, spec: GroupSpec): GroupRow {
  const id = newId('grp', spec.createdAt)
  const postcodes = [...(spec.postcodes ?? [])]
  return {
    organization_id: tenant.id,
    id,
    parent_id: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    kind: spec.kind,
    name: spec.name,
    slug: kebabCase(spec.name),
    description: spec.description,
    visibility: spec.visibility ?? 'public',
    department: spec.department ?? null,
    postcodes,
    latitude: spec.coordinates?.latitude ?? null,
    longitude: spec.coordinates?.longitude ?? null,
    contact_email: spec.contactEmail ?? null,
    website_url: spec.websiteUrl ?? null,
    search_text: groupSearchText({ name: spec.name, department: spec.department ?? null, postcodes }),
    created_at: spec.createdAt,
    updated_at: spec.createdAt,
  }
}

/** The tree: national root, federations and their sections, thematic and action groups. */
export function buildGroups(random: Random, tenant: Tenant, size: DemoSize, now: Date): GroupTree {
  const founded = tenant.createdAt.getTime()
  const national = makeGroup(tenant, null, {
    kind: 'national',
    name: tenant.name,
    description: `${tenant.name} rassemble ses adhérents, ses fédérations, ses sections et ses groupes thématiques partout en France. Trouvez ici les initiatives près de chez vous.`,
    createdAt: new Date(founded + HOUR),
    contactEmail: `contact@${tenant.siteHost}`,
    websiteUrl: `https://${tenant.siteHost}`,
  })
  const federations = federationAreas
    .slice(0, size.federations)
    .map((area) => buildFederation(random, tenant, national, area, size, now))
  const sections = federations.flatMap((federation) => federation.sections)
  const thematic = themes.slice(0, size.thematicGroups).map((theme) => ({
    theme,
    row: makeGroup(tenant, national, {
      kind: 'thematic',
      name: theme.name,
      description: theme.description,
      createdAt: new Date(founded + random.int(20, 60) * DAY),
      contactEmail: `${kebabCase(theme.name)}@${tenant.siteHost}`,
    }),
  }))
  const action = actionGroups.slice(0, size.actionGroups).map((spec) =>
    makeGroup(tenant, national, {
      ...spec,
      kind: 'action',
      createdAt: new Date(founded + random.int(30, 200) * DAY),
    }),
  )
  const rows = [
    national,
    ...federations.flatMap((f) => [f.row, ...f.sections.map((s) => s.row)]),
    ...thematic.map((t) => t.row),
    ...action,
  ]
  const postcodes = rows.flatMap((row) =>
    (row.postcodes ?? []).map((postcode) => ({ organization_id: tenant.id, postcode, group_id: row.id })),
  )
  return { national, federations, sections, thematic, action, rows, postcodes }
}

function buildFederation(
  random: Random,
  tenant: Tenant,
  national: GroupRow,
  area: FederationArea,
  size: DemoSize,
  now: Date,
): FederationGroup {
  const founded = tenant.createdAt.getTime()
  const firstSection = area.sections[0]
  if (!firstSection) throw new Error(`demo geography: federation ${area.of} has no section`)
  const coordinates = coordinatesOf(firstSection.postcodes[0] ?? '')
  const row = makeGroup(tenant, national, {
    kind: 'federation',
    name: `Fédération ${area.of}`,
    description: `La fédération ${area.of} coordonne les sections du département et organise les grands rendez-vous départementaux, à ${area.city} et ailleurs.`,
    createdAt: new Date(founded + random.int(1, 10) * DAY),
    department: area.department,
    coordinates,
    contactEmail: `${kebabCase(area.city)}@${tenant.siteHost}`,
    websiteUrl: `https://${tenant.siteHost}/federations/${kebabCase(area.city)}`,
  })
  const federation: FederationGroup = { row, area, sections: [], coordinates }
  // Most sections are as old as the party; some are recent, which the activity feed shows.
  const recentFrom = now.getTime() - 300 * DAY
  for (const sectionArea of area.sections.slice(0, size.sectionsPerFederation)) {
    const recent = random.chance(0.2)
    const createdAt = recent
      ? recentFrom + random.next() * (now.getTime() - 30 * DAY - recentFrom)
      : founded + (10 + random.next() * 40) * DAY
    const sectionCoordinates = coordinatesOf(sectionArea.postcodes[0] ?? '')
    federation.sections.push({
      federation,
      area: sectionArea,
      coordinates: sectionCoordinates,
      row: makeGroup(tenant, row, {
        kind: 'section',
        name: `Section ${sectionArea.commune}`,
        description: `La section ${ofPlace(sectionArea.commune)} réunit les adhérents du secteur (${sectionArea.postcodes.join(', ')}). Réunions, porte-à-porte, tractages au ${sectionArea.market} : rejoignez-nous pour agir près de chez vous.`,
        createdAt: new Date(Math.round(createdAt)),
        department: area.department,
        postcodes: sectionArea.postcodes,
        coordinates: sectionCoordinates,
        contactEmail: `${kebabCase(sectionArea.commune)}@${tenant.siteHost}`,
      }),
    })
  }
  return federation
}
