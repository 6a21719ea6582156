/** What a secret key may be allowed to do. Publishable keys have no scopes: public operations only. */
export const scopes = [
  'members:read',
  'members:write',
  'groups:write',
  'initiatives:read',
  'initiatives:write',
  'keys:write',
  'webhooks:write',
  'privacy:write',
  'audit:read',
] as const

export type Scope = (typeof scopes)[number]
