import type { GroupKind, GroupVisibility } from '../../db/types.js'

/** What a client sets on a group; the tree position (`path`, `depth`) and `search_text` follow from it. */
export interface GroupFields {
  parent_id?: string | null
  kind: GroupKind
  name: string
  slug?: string
  description?: string
  visibility?: GroupVisibility
  department?: string | null
  postcodes?: string[]
  latitude?: number | null
  longitude?: number | null
  contact_email?: string | null
  website_url?: string | null
}

export type GroupChanges = Partial<GroupFields>
