import type { Group } from '../src/db/types.js'
import type { TestContext } from './app.js'

/** The first public section of the demo organization: where tests organize their initiatives. */
export async function publicSection(t: TestContext): Promise<Group> {
  return t.database.db
    .selectFrom('groups')
    .selectAll()
    .where('organization_id', '=', t.demo.organizationId)
    .where('kind', '=', 'section')
    .where('visibility', '=', 'public')
    .orderBy('id')
    .executeTakeFirstOrThrow()
}

/** Landmarks of the demo tree that activity tests filter by: a section, its federation, another federation, the private group. */
export async function demoGroups(
  t: TestContext,
): Promise<{ section: Group; federation: Group; elsewhere: Group; hidden: Group }> {
  const groups = () =>
    t.database.db.selectFrom('groups').selectAll().where('organization_id', '=', t.demo.organizationId)
  const section = await publicSection(t)
  const federation = await groups()
    .where('id', '=', section.parent_id ?? '')
    .executeTakeFirstOrThrow()
  const elsewhere = await groups()
    .where('kind', '=', 'federation')
    .where('id', '!=', federation.id)
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const hidden = await groups().where('visibility', '=', 'private').executeTakeFirstOrThrow()
  return { section, federation, elsewhere, hidden }
}
