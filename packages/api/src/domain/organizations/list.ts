import type { Kysely } from 'kysely'
import type { Database, Organization } from '../../db/types.js'
import { notFound } from '../errors.js'

/** Every organization of the server, oldest first: an operator's view, never an API answer. */
export function listOrganizations(db: Kysely<Database>): Promise<Organization[]> {
  return db.selectFrom('organizations').selectAll().orderBy('id').execute()
}

export async function getOrganization(db: Kysely<Database>, organizationId: string): Promise<Organization> {
  const organization = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', organizationId)
    .executeTakeFirst()
  if (!organization) throw notFound(`Organization ${organizationId}`)
  return organization
}
