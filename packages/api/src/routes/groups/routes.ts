import { createRoute } from '@hono/zod-openapi'
import { publicRead, secretAccess } from '../common/access.js'
import {
  cacheableJson,
  etagHeaderSchema,
  IfNoneMatchHeader,
  json,
  jsonBody,
  locationHeader,
  problems,
} from '../common/schemas.js'
import {
  GroupCreateSchema,
  GroupDetailSchema,
  GroupIdParam,
  GroupListQuery,
  GroupMemberListQuery,
  GroupMemberPageSchema,
  GroupMemberParams,
  GroupMemberSchema,
  GroupMembershipCreateSchema,
  GroupPageSchema,
  GroupUpdateSchema,
  IfMatchHeader,
} from './schemas.js'

const etagHeader = {
  ETag: { description: 'The group version, for `If-None-Match` and `If-Match`.', schema: etagHeaderSchema },
}

export const listGroupsRoute = createRoute({
  method: 'get',
  path: '/v1/groups',
  operationId: 'listGroups',
  tags: ['Groups'],
  summary: 'List groups',
  description: 'Groups by name; with `near`, the groups covering a postcode first, then the nearest.',
  ...publicRead,
  request: { query: GroupListQuery, headers: IfNoneMatchHeader },
  responses: { ...cacheableJson(GroupPageSchema, 'A page of groups.'), ...problems(400, 401, 403) },
})

export const getGroupRoute = createRoute({
  method: 'get',
  path: '/v1/groups/{group_id}',
  operationId: 'getGroup',
  tags: ['Groups'],
  summary: 'Get a group',
  description: 'One group with the counts of its whole subtree.',
  ...publicRead,
  request: { params: GroupIdParam, headers: IfNoneMatchHeader },
  responses: {
    200: { ...json(GroupDetailSchema, 'The group.'), headers: etagHeader },
    304: { description: 'The group has not changed since the ETag in `If-None-Match`.', headers: etagHeader },
    ...problems(400, 401, 403, 404),
  },
})

export const createGroupRoute = createRoute({
  method: 'post',
  path: '/v1/groups',
  operationId: 'createGroup',
  tags: ['Groups'],
  summary: 'Create a group',
  description:
    'Adds a group to the tree. The slug is derived from the name unless given; coordinates default to the ' +
    'centre of the first postcode. A public group is announced in the activity feed.',
  ...secretAccess('groups:write'),
  request: { body: jsonBody(GroupCreateSchema) },
  responses: {
    201: {
      ...json(GroupDetailSchema, 'The new group.'),
      headers: { ...etagHeader, Location: locationHeader('The URL of the new group.') },
    },
    ...problems(400, 401, 403, 409, 413, 415),
  },
})

export const updateGroupRoute = createRoute({
  method: 'patch',
  path: '/v1/groups/{group_id}',
  operationId: 'updateGroup',
  tags: ['Groups'],
  summary: 'Update or move a group',
  description:
    'Changes the fields given. A new `parent_id` moves the group with all its subgroups; a group cannot move ' +
    'under itself or its subgroups. Send `If-Match` with the ETag you read to avoid overwriting a change you have not seen.',
  ...secretAccess('groups:write'),
  request: { params: GroupIdParam, headers: IfMatchHeader, body: jsonBody(GroupUpdateSchema) },
  responses: {
    200: { ...json(GroupDetailSchema, 'The group as changed.'), headers: etagHeader },
    ...problems(400, 401, 403, 404, 409, 412, 413, 415),
  },
})

export const deleteGroupRoute = createRoute({
  method: 'delete',
  path: '/v1/groups/{group_id}',
  operationId: 'deleteGroup',
  tags: ['Groups'],
  summary: 'Delete a group',
  description:
    'Deletes a group with its memberships. A group that still has subgroups or initiatives is refused (409): ' +
    'move them first.',
  ...secretAccess('groups:write'),
  request: { params: GroupIdParam },
  responses: { 204: { description: 'The group was deleted.' }, ...problems(400, 401, 403, 404, 409) },
})

export const listGroupMembersRoute = createRoute({
  method: 'get',
  path: '/v1/groups/{group_id}/members',
  operationId: 'listGroupMembers',
  tags: ['Groups'],
  summary: 'List the members of a group',
  description: 'Members with their role, in the order they joined.',
  ...secretAccess('members:read'),
  request: { params: GroupIdParam, query: GroupMemberListQuery },
  responses: { 200: json(GroupMemberPageSchema, 'A page of members.'), ...problems(400, 401, 403, 404) },
})

export const addGroupMemberRoute = createRoute({
  method: 'post',
  path: '/v1/groups/{group_id}/members',
  operationId: 'addGroupMember',
  tags: ['Groups'],
  summary: 'Add a member to a group',
  description: 'Adds a member with a role; for somebody already in the group, sets the role (200).',
  ...secretAccess('members:write'),
  request: { params: GroupIdParam, body: jsonBody(GroupMembershipCreateSchema) },
  responses: {
    200: json(GroupMemberSchema, 'Already a member: the role as now set.'),
    201: json(GroupMemberSchema, 'The member joined the group.'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
})

export const removeGroupMemberRoute = createRoute({
  method: 'delete',
  path: '/v1/groups/{group_id}/members/{member_id}',
  operationId: 'removeGroupMember',
  tags: ['Groups'],
  summary: 'Remove a member from a group',
  description: 'The person stays a member of the organization.',
  ...secretAccess('members:write'),
  request: { params: GroupMemberParams },
  responses: { 204: { description: 'The member left the group.' }, ...problems(400, 401, 403, 404) },
})
