import { issueKey, listKeys, revokeKey } from '../../domain/keys/manage.js'
import { createRouter } from '../common/router.js'
import { presentKey } from './present.js'
import { createKeyRoute, listKeysRoute, revokeKeyRoute } from './routes.js'

export const keysRouter = createRouter()
  .openapi(listKeysRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query')
    const page = await listKeys(c.var.db, c.var.caller.organizationId, { limit, cursor })
    return c.json({ data: page.data.map(presentKey), next_cursor: page.next_cursor }, 200)
  })
  .openapi(createKeyRoute, async (c) => {
    const body = c.req.valid('json')
    const { key, token } = await issueKey(
      c.var.db,
      c.var.caller.organizationId,
      { kind: body.kind, name: body.name, scopes: body.scopes, allowedOrigins: body.allowed_origins },
      { grantable: c.var.caller.scopes },
    )
    return c.json({ ...presentKey(key), token }, 201)
  })
  .openapi(revokeKeyRoute, async (c) => {
    await revokeKey(c.var.db, c.var.caller.organizationId, c.req.valid('param').key_id)
    return c.body(null, 204)
  })
