import type { z } from '@hono/zod-openapi'
import type { Member, MemberSource } from '../../db/types.js'
import type { MemberExport } from '../../domain/members/export.js'
import type { ListedMember, MemberDetail } from '../../domain/members/queries.js'
import { exportAbout } from './export-about.js'
import type { MemberDetailSchema, MemberExportSchema, MemberSchema, MemberSourceSchema } from './schemas.js'

const iso = (date: Date | null) => (date ? date.toISOString() : null)

function presentSource(source: MemberSource): z.infer<typeof MemberSourceSchema> {
  return { origin: source.origin ?? null, widget: source.widget ?? null, key_id: source.key_id ?? null }
}

function presentFields(member: Member) {
  return {
    id: member.id,
    email: member.email,
    given_name: member.given_name,
    family_name: member.family_name,
    postcode: member.postcode,
    commune: member.commune,
    phone: member.phone,
    status: member.status,
    language: member.language,
    tags: member.tags,
    source: presentSource(member.source),
    confirmed_at: iso(member.confirmed_at),
    created_at: member.created_at.toISOString(),
    updated_at: member.updated_at.toISOString(),
  }
}

export function presentMember(member: ListedMember): z.infer<typeof MemberSchema> {
  const { source, confirmed_at, created_at, updated_at, ...fields } = presentFields(member)
  return { ...fields, groups: member.groups, source, confirmed_at, created_at, updated_at }
}

export function presentMemberDetail(member: MemberDetail): z.infer<typeof MemberDetailSchema> {
  return {
    ...presentMember(member),
    consents: member.consents.map((consent) => ({
      purpose: consent.purpose,
      given_at: consent.given_at.toISOString(),
      confirmed_at: iso(consent.confirmed_at),
      withdrawn_at: iso(consent.withdrawn_at),
    })),
  }
}

export function presentExport(held: MemberExport): z.infer<typeof MemberExportSchema> {
  return {
    generated_at: held.generated_at.toISOString(),
    about: exportAbout,
    member: { ...presentFields(held.member), erased_at: iso(held.member.erased_at) },
    memberships: held.memberships.map((membership) => ({
      ...membership,
      joined_at: membership.joined_at.toISOString(),
    })),
    consents: held.consents.map((consent) => ({
      ...consent,
      given_at: consent.given_at.toISOString(),
      confirmed_at: iso(consent.confirmed_at),
      withdrawn_at: iso(consent.withdrawn_at),
    })),
    rsvps: held.rsvps.map((rsvp) => ({
      ...rsvp,
      source: presentSource(rsvp.source),
      starts_at: rsvp.starts_at.toISOString(),
      ends_at: rsvp.ends_at.toISOString(),
      created_at: rsvp.created_at.toISOString(),
      updated_at: rsvp.updated_at.toISOString(),
    })),
    confirmations: held.confirmations.map((confirmation) => ({
      ...confirmation,
      created_at: confirmation.created_at.toISOString(),
      expires_at: confirmation.expires_at.toISOString(),
      used_at: iso(confirmation.used_at),
    })),
    activity: held.activity.map((item) => ({
      id: item.id,
      kind: item.kind,
      group_id: item.group_id,
      occurred_at: item.occurred_at.toISOString(),
      payload: item.payload,
    })),
  }
}
