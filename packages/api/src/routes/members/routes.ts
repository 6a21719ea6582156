import { createRoute } from '@hono/zod-openapi'
import { secretAccess } from '../common/access.js'
import { etagHeaderSchema, json, jsonBody, locationHeader, problems } from '../common/schemas.js'
import {
  IfMatchHeader,
  MemberCreateSchema,
  MemberDetailSchema,
  MemberExportSchema,
  MemberIdParam,
  MemberListQuery,
  MemberPageSchema,
  MemberUpdateSchema,
} from './schemas.js'

const etagHeader = {
  ETag: { description: 'The member version, for `If-Match`.', schema: etagHeaderSchema },
}

export const listMembersRoute = createRoute({
  method: 'get',
  path: '/v1/members',
  operationId: 'listMembers',
  tags: ['Members'],
  summary: 'List members',
  description: 'Members in the order they became known, with their groups. Erased people only with `status=erased`.',
  ...secretAccess('members:read'),
  request: { query: MemberListQuery },
  responses: { 200: json(MemberPageSchema, 'A page of members.'), ...problems(400, 401, 403) },
})

export const createMemberRoute = createRoute({
  method: 'post',
  path: '/v1/members',
  operationId: 'createMember',
  tags: ['Members'],
  summary: 'Add a member',
  description:
    'Adds a person from your own systems, `pending` unless you already hold their consent. An address already ' +
    'known, or whose owner asked to be erased, is refused (409).',
  ...secretAccess('members:write'),
  request: { body: jsonBody(MemberCreateSchema) },
  responses: {
    201: {
      ...json(MemberDetailSchema, 'The new member.'),
      headers: { ...etagHeader, Location: locationHeader('The URL of the new member.') },
    },
    ...problems(400, 401, 403, 409, 413, 415),
  },
})

export const getMemberRoute = createRoute({
  method: 'get',
  path: '/v1/members/{member_id}',
  operationId: 'getMember',
  tags: ['Members'],
  summary: 'Get a member',
  description: 'One member with their groups and the state of their consents.',
  ...secretAccess('members:read'),
  request: { params: MemberIdParam },
  responses: {
    200: { ...json(MemberDetailSchema, 'The member.'), headers: etagHeader },
    ...problems(400, 401, 403, 404),
  },
})

export const updateMemberRoute = createRoute({
  method: 'patch',
  path: '/v1/members/{member_id}',
  operationId: 'updateMember',
  tags: ['Members'],
  summary: 'Rectify a member',
  description:
    'Changes the fields given (GDPR rectification). `status` moves between `active` and `unsubscribed` only. ' +
    'Send `If-Match` with the ETag you read to avoid overwriting a change you have not seen.',
  ...secretAccess('members:write'),
  request: { params: MemberIdParam, headers: IfMatchHeader, body: jsonBody(MemberUpdateSchema) },
  responses: {
    200: { ...json(MemberDetailSchema, 'The member as changed.'), headers: etagHeader },
    ...problems(400, 401, 403, 404, 409, 412, 413, 415),
  },
})

export const eraseMemberRoute = createRoute({
  method: 'delete',
  path: '/v1/members/{member_id}',
  operationId: 'eraseMember',
  tags: ['Members'],
  summary: 'Erase a member',
  description:
    'Erases a person at their request (GDPR art. 17): every personal field is blanked, memberships and ' +
    'confirmation links are deleted, their RSVPs are cancelled, and a hash of the address is kept so that it is ' +
    'not imported again. The consent records stay as proof, with nothing left to identify the person. ' +
    'Erasing an erased member answers 204 again.',
  ...secretAccess('members:write'),
  request: { params: MemberIdParam },
  responses: { 204: { description: 'The member is erased.' }, ...problems(400, 401, 403, 404) },
})

export const exportMemberRoute = createRoute({
  method: 'get',
  path: '/v1/members/{member_id}/export',
  operationId: 'exportMember',
  tags: ['Members'],
  summary: 'Export everything about a member',
  description:
    'Everything held about a person (GDPR art. 15), with the consent texts they agreed to and a short ' +
    'explanation of each section in French and English, ready to send them.',
  ...secretAccess('members:read'),
  request: { params: MemberIdParam },
  responses: { 200: json(MemberExportSchema, 'The export.'), ...problems(400, 401, 403, 404) },
})
