import type { z } from '@hono/zod-openapi'
import type { Group } from '../../db/types.js'
import type { GroupCounts } from '../../domain/groups/counts.js'
import type { GroupMember } from '../../domain/groups/members-list.js'
import type { GroupDetailSchema, GroupMemberSchema, GroupSchema } from './schemas.js'

export function presentGroup(group: Group & { distance_km?: number | null }): z.infer<typeof GroupSchema> {
  return {
    id: group.id,
    parent_id: group.parent_id,
    kind: group.kind,
    name: group.name,
    slug: group.slug,
    description: group.description,
    visibility: group.visibility,
    department: group.department,
    postcodes: group.postcodes,
    location:
      group.latitude !== null && group.longitude !== null
        ? { latitude: group.latitude, longitude: group.longitude }
        : null,
    contact_email: group.contact_email,
    website_url: group.website_url,
    ...(group.distance_km !== undefined ? { distance_km: group.distance_km } : {}),
    created_at: group.created_at.toISOString(),
    updated_at: group.updated_at.toISOString(),
  }
}

export function presentGroupDetail(group: Group, counts: GroupCounts): z.infer<typeof GroupDetailSchema> {
  return { ...presentGroup(group), counts }
}

export function presentGroupMember(member: GroupMember): z.infer<typeof GroupMemberSchema> {
  return {
    member_id: member.member_id,
    given_name: member.given_name,
    family_name: member.family_name,
    email: member.email,
    status: member.status,
    role: member.role,
    joined_at: member.joined_at.toISOString(),
  }
}
