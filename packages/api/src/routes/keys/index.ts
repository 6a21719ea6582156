import { recordAudit } from '../../domain/audit/record.js'
import { issueKey, listKeys, revokeKey } from '../../domain/keys/manage.js'
import { auditActor } from '../common/audit.js'
import { createRouter } from '../common/router.js'
import { presentKey } from './present.js'
import { createKeyRoute, listKeysRoute, revokeKeyRoute } from './routes.js'

export const keysRouter = createRouter()
  .openapi(listKeysRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query')
    const page = await listKeys(c.get('db'), c.get('caller').organizationId, { limit, cursor })
    return c.json({ data: page.data.map(presentKey), next_cursor: page.next_cursor }, 200)
  })
  .openapi(createKeyRoute, async (c) => {
    const body = c.req.valid('json')
    const { key, token } = await c
      .get('db')
      .transaction()
      .execute(async (trx) => {
        const created = await issueKey(
          trx,
          c.get('caller').organizationId,
          { kind: body.kind, name: body.name, scopes: body.scopes, allowedOrigins: body.allowed_origins },
          { grantable: c.get('caller').scopes },
        )
        const details = { kind: created.key.kind, scopes: created.key.scopes }
        await recordAudit(trx, auditActor(c), {
          action: 'key.create',
          targetType: 'api_key',
          targetId: created.key.id,
          details,
        })
        return created
      })
    return c.json({ ...presentKey(key), token }, 201)
  })
  .openapi(revokeKeyRoute, async (c) => {
    await c
      .get('db')
      .transaction()
      .execute(async (trx) => {
        const key = await revokeKey(trx, c.get('caller').organizationId, c.req.valid('param').key_id)
        await recordAudit(trx, auditActor(c), { action: 'key.revoke', targetType: 'api_key', targetId: key.id })
      })
    return c.body(null, 204)
  })
