import type { Insertable } from 'kysely'
import type { MemberSource, MemberStatus, MembershipTable, MemberTable } from '../../db/types.js'
import { newId } from '../ids.js'
import { normalizeEmail } from '../members/email.js'
import type { GroupRow, GroupTree, SectionGroup } from './groups.js'
import { DAY, HOUR, MINUTE } from './paris-time.js'
import { demoEmail, mobilePhone, personName } from './people.js'
import type { Random } from './random.js'
import { kebabCase } from './slug.js'
import type { Tenant } from './tenant.js'

export type MemberRow = Insertable<MemberTable> & { id: string; created_at: Date }

/** A generated member with the facts later generators (consents, RSVPs, activity) depend on. */
export interface DemoMember {
  row: MemberRow
  section: SectionGroup
  status: MemberStatus
  createdAt: Date
  confirmedAt: Date | null
  unsubscribedAt: Date | null
  source: MemberSource
  wantsNews: boolean
  showsInActivity: boolean
}

const memberTags = ['bénévole', 'donateur', 'élu local', 'porte-à-porte', 'réseaux sociaux'] as const

/**
 * When a member signed up: spread over the past year, never before their section existed, with
 * one evening where a televised debate brought a wave of sign-ups (what Relais is built for).
 */
function signupTime(random: Random, section: SectionGroup, now: Date, debateEvening: number): number {
  const from = Math.max(now.getTime() - 365 * DAY, section.row.created_at.getTime() + DAY)
  if (debateEvening > from && random.chance(0.08)) return debateEvening + random.next() * 3 * HOUR
  return from + random.next() * (now.getTime() - HOUR - from)
}

function memberStatus(random: Random, createdAt: number, now: Date): MemberStatus {
  const age = now.getTime() - createdAt
  if ((age < 14 * DAY && random.chance(0.4)) || random.chance(0.015)) return 'pending'
  if (age > 30 * DAY && random.chance(0.03)) return 'unsubscribed'
  return 'active'
}

function signupSource(random: Random, tenant: Tenant, section: SectionGroup): MemberSource {
  const roll = random.next()
  if (roll < 0.6) return { origin: `https://${tenant.siteHost}/adherer`, widget: 'relais-signup-form', key_id: null }
  if (roll < 0.85) {
    const page = `https://${tenant.siteHost}/sections/${kebabCase(section.area.commune)}`
    return { origin: page, widget: 'relais-group-finder', key_id: null }
  }
  return { origin: `https://${tenant.siteHost}/agir`, widget: 'relais-signup-form', key_id: null }
}

export function buildMembers(random: Random, tenant: Tenant, tree: GroupTree, count: number, now: Date): DemoMember[] {
  const debateEvening = now.getTime() - 97 * DAY - 2 * HOUR
  const takenEmails = new Set<string>()
  const members: DemoMember[] = []
  for (let i = 0; i < count; i++) {
    const section = random.weighted(tree.sections, (s) => s.area.weight)
    const created = signupTime(random, section, now, debateEvening)
    const status = memberStatus(random, created, now)
    const confirmed =
      status === 'pending'
        ? null
        : Math.min(
            now.getTime() - MINUTE,
            created + (random.chance(0.9) ? random.int(2, 180) * MINUTE : random.int(3, 48) * HOUR),
          )
    const unsubscribed =
      status === 'unsubscribed' && confirmed !== null ? confirmed + random.next() * (now.getTime() - confirmed) : null
    const name = personName(random)
    const email = demoEmail(random, name, takenEmails)
    const source = signupSource(random, tenant, section)
    const createdAt = new Date(Math.round(created))
    members.push({
      section,
      status,
      createdAt,
      confirmedAt: confirmed === null ? null : new Date(Math.round(confirmed)),
      unsubscribedAt: unsubscribed === null ? null : new Date(Math.round(unsubscribed)),
      source,
      wantsNews: random.chance(0.78),
      showsInActivity: status === 'active' && random.chance(0.1),
      row: {
        organization_id: tenant.id,
        id: newId('mem', createdAt),
        email,
        email_normalized: normalizeEmail(email),
        given_name: name.given,
        family_name: name.family,
        postcode: random.pick(section.area.postcodes),
        commune: section.area.commune,
        phone: random.chance(0.4) ? mobilePhone(random) : null,
        status,
        language: random.chance(0.02) ? 'en' : 'fr',
        tags: random.chance(0.12) ? [random.pick(memberTags)] : [],
        source: JSON.stringify(source),
        confirmed_at: confirmed === null ? null : new Date(Math.round(confirmed)),
        created_at: createdAt,
        updated_at: new Date(Math.round(unsubscribed ?? confirmed ?? created)),
      },
    })
  }
  // Sign-up order, so milestones and "joined" stories read in time order.
  return members.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

export type MembershipRow = Insertable<MembershipTable>

/** Everyone in their local section; some also in a thematic or an action group, joined later. */
export function buildMemberships(
  random: Random,
  tree: GroupTree,
  members: readonly DemoMember[],
  now: Date,
): MembershipRow[] {
  const rows: MembershipRow[] = []
  const [porteAPorte, jeunes, elus] = tree.action
  for (const member of members) {
    const join = (group: GroupRow, role: 'member' | 'organizer', at?: Date) => {
      const from = Math.max(member.createdAt.getTime(), group.created_at.getTime())
      const created_at = at ?? new Date(Math.round(from + random.next() * (now.getTime() - from)))
      rows.push({
        organization_id: member.row.organization_id,
        group_id: group.id,
        member_id: member.row.id,
        role,
        created_at,
      })
    }
    const organizer = member.status === 'active' && random.chance(1 / 25)
    join(member.section.row, organizer ? 'organizer' : 'member', member.createdAt)
    if (tree.thematic.length > 0 && random.chance(0.2)) {
      const picked = random.shuffle(tree.thematic).slice(0, random.chance(0.15) ? 2 : 1)
      for (const { row } of picked) join(row, random.chance(0.03) ? 'organizer' : 'member')
    }
    if (member.status !== 'active') continue
    if (porteAPorte && member.section.row.department === '75' && random.chance(0.15)) join(porteAPorte, 'member')
    if (jeunes && random.chance(0.05)) join(jeunes, 'member')
    if (elus && random.chance(0.015)) join(elus, random.chance(0.2) ? 'organizer' : 'member')
  }
  return rows
}
