import { retentionPolicyOf, setRetentionPolicy } from '../../domain/retention/policy.js'
import { auditActor } from '../common/audit.js'
import { createRouter } from '../common/router.js'
import { presentRetentionPolicy } from './present.js'
import { getRetentionPolicyRoute, updateRetentionPolicyRoute } from './routes.js'

export const retentionPolicyRouter = createRouter()
  .openapi(getRetentionPolicyRoute, async (c) => {
    c.header('cache-control', 'no-store')
    return c.json(presentRetentionPolicy(await retentionPolicyOf(c.get('db'), c.get('caller').organizationId)), 200)
  })
  .openapi(updateRetentionPolicyRoute, async (c) => {
    const { organizationId } = c.get('caller')
    await setRetentionPolicy(c.get('db'), organizationId, c.req.valid('json'), { audit: auditActor(c) })
    c.header('cache-control', 'no-store')
    return c.json(presentRetentionPolicy(await retentionPolicyOf(c.get('db'), organizationId)), 200)
  })
