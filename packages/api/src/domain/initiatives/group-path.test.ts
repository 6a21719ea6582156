import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../../../test/database.js'
import type { Group } from '../../db/types.js'
import { DomainError } from '../errors.js'
import { createGroup } from '../groups/create.js'
import { updateGroup } from '../groups/update.js'
import { createInitiative } from './create.js'
import { type InitiativeFilter, listInitiatives } from './list.js'
import { getInitiative } from './queries.js'
import { updateInitiative } from './update.js'

// Each initiative carries its group's path and whether that group is private or under a private
// one (migration 0012): the public lists read only those. These tests change the tree and check
// both the stored copies and what the public then sees.

const template = inject('template')
const organizationId = template.demo.organizationId
const publicAudience = { organizationId, includePrivate: false }
const secretAudience = { organizationId, includePrivate: true }
const tag = 'arbre-en-mouvement'
let database: TestDatabase
let national: Group
let federation: Group
let otherFederation: Group
let privateGroup: Group

beforeAll(async () => {
  database = await openTestDatabase()
  const groups = (kind: Group['kind']) =>
    database.db
      .selectFrom('groups')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('kind', '=', kind)
      .where('visibility', '=', 'public')
      .orderBy('id')
      .execute()
  ;[national] = (await groups('national')) as [Group]
  ;[federation, otherFederation] = (await groups('federation')) as [Group, Group]
  privateGroup = await createGroup(database.db, organizationId, {
    kind: 'thematic',
    name: 'Commission interne',
    parent_id: national.id,
    visibility: 'private',
  })
})
afterAll(() => database.close())

const day = 86_400_000

function actionGroup(name: string, parent: Group) {
  return createGroup(database.db, organizationId, { kind: 'action', name, parent_id: parent.id })
}

async function publishIn(group: Group, title: string) {
  const starts = new Date(Date.now() + 10 * day)
  const initiative = await createInitiative(
    database.db,
    organizationId,
    {
      group_id: group.id,
      kind: 'meeting',
      title,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 7_200_000),
      tags: [tag],
    },
    { publish: true },
  )
  return initiative.id
}

function stored(initiativeId: string) {
  return database.db
    .selectFrom('initiatives')
    .select(['group_path', 'under_private_group'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', initiativeId)
    .executeTakeFirstOrThrow()
}

function path(group: Group) {
  return database.db
    .selectFrom('groups')
    .select('path')
    .where('organization_id', '=', organizationId)
    .where('id', '=', group.id)
    .executeTakeFirstOrThrow()
    .then((row) => row.path)
}

/** The ids the public gets for this test's tag (every page). */
async function shown(filter: Partial<InitiativeFilter> = {}, audience = publicAudience) {
  const page = await listInitiatives(database.db, audience, { tag, limit: 100, ...filter })
  expect(page.next_cursor).toBeNull()
  return page.data.map((initiative) => initiative.id).sort()
}

async function publiclyOpens(initiativeId: string) {
  return getInitiative(database.db, publicAudience, initiativeId).then(
    () => true,
    (error: unknown) => {
      if (error instanceof DomainError && error.kind === 'not_found') return false
      throw error
    },
  )
}

describe("an initiative's copy of its group's place in the tree", () => {
  it('is taken from the group when the initiative is created', async () => {
    const open = await actionGroup('Collectif des quais', federation)
    const closed = await actionGroup('Préparation du congrès', privateGroup)
    const openId = await publishIn(open, 'Nettoyage des quais')
    const closedId = await publishIn(closed, 'Réunion de préparation')

    expect(await stored(openId)).toEqual({ group_path: open.path, under_private_group: false })
    expect(await stored(closedId)).toEqual({ group_path: closed.path, under_private_group: true })
    expect(await shown()).toContain(openId)
    expect(await shown()).not.toContain(closedId)
    expect(await publiclyOpens(closedId)).toBe(false)
    expect(await shown({}, secretAudience)).toContain(closedId)
  })

  it('follows a group that moves, with its whole subtree', async () => {
    const moving = await actionGroup('Collectif vélo', federation)
    const below = await actionGroup('Atelier réparation', moving)
    const atTop = await publishIn(moving, 'Balade à vélo')
    const atBottom = await publishIn(below, 'Atelier crevaisons')

    await updateGroup(database.db, organizationId, moving.id, { parent_id: otherFederation.id })

    expect(await stored(atTop)).toEqual({ group_path: await path(moving), under_private_group: false })
    expect(await stored(atBottom)).toEqual({ group_path: await path(below), under_private_group: false })
    expect(await path(below)).toBe(`${otherFederation.path}${moving.id}/${below.id}/`)
    // Federations (read through their own index) and deeper groups (a range of paths) alike.
    expect(await shown({ group: otherFederation.id })).toEqual(expect.arrayContaining([atTop, atBottom]))
    expect(await shown({ group: federation.id })).not.toContain(atTop)
    expect(await shown({ group: federation.id })).not.toContain(atBottom)
    expect(await shown({ group: moving.id })).toEqual([atTop, atBottom].sort())
    expect(await shown({ group: moving.id, includeSubgroups: false })).toEqual([atTop])
  })

  it('hides the subtree of a group made private from the public, and shows it again once public', async () => {
    const group = await actionGroup('Collectif jardins', federation)
    const below = await actionGroup('Jardin partagé', group)
    const atTop = await publishIn(group, 'Plantation')
    const atBottom = await publishIn(below, 'Récolte')

    await updateGroup(database.db, organizationId, group.id, { visibility: 'private' })
    for (const id of [atTop, atBottom]) {
      expect((await stored(id)).under_private_group).toBe(true)
      expect(await shown()).not.toContain(id)
      expect(await shown({ group: federation.id })).not.toContain(id)
      expect(await publiclyOpens(id)).toBe(false)
    }
    expect(await shown({ group: group.id }, secretAudience)).toEqual([atTop, atBottom].sort())

    await updateGroup(database.db, organizationId, group.id, { visibility: 'public' })
    for (const id of [atTop, atBottom]) {
      expect((await stored(id)).under_private_group).toBe(false)
      expect(await shown({ group: federation.id })).toContain(id)
      expect(await publiclyOpens(id)).toBe(true)
    }
  })

  it('hides a subtree moved under a private group, and shows it again once moved out', async () => {
    const group = await actionGroup('Collectif musique', federation)
    const id = await publishIn(group, 'Concert de soutien')

    await updateGroup(database.db, organizationId, group.id, { parent_id: privateGroup.id })
    expect(await stored(id)).toEqual({ group_path: `${privateGroup.path}${group.id}/`, under_private_group: true })
    expect(await shown()).not.toContain(id)

    await updateGroup(database.db, organizationId, group.id, { parent_id: federation.id })
    expect(await stored(id)).toEqual({ group_path: `${federation.path}${group.id}/`, under_private_group: false })
    expect(await shown({ group: federation.id })).toContain(id)
  })

  it('follows an initiative moved to another group', async () => {
    const from = await actionGroup('Collectif lecture', federation)
    const into = await actionGroup('Bureau restreint', privateGroup)
    const id = await publishIn(from, 'Lecture publique')

    await updateInitiative(database.db, organizationId, id, { group_id: into.id })
    expect(await stored(id)).toEqual({ group_path: into.path, under_private_group: true })
    expect(await shown()).not.toContain(id)

    await updateInitiative(database.db, organizationId, id, { group_id: from.id })
    expect(await stored(id)).toEqual({ group_path: from.path, under_private_group: false })
    expect(await shown({ group: federation.id })).toContain(id)
  })
})
