import type { Context } from 'hono'
import type { Audience } from '../../domain/groups/queries.js'

/** What the caller may see: secret keys see private and unpublished things, the public does not. */
export function audienceOf(c: Context): Audience {
  return { organizationId: c.get('caller').organizationId, includePrivate: c.get('caller').kind === 'secret' }
}
