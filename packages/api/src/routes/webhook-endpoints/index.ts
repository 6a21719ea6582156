import type { AppConfig } from '../../context.js'
import { listDeliveries, sendTestEvent } from '../../domain/webhooks/deliveries.js'
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  updateEndpoint,
} from '../../domain/webhooks/endpoints.js'
import { rotateSecret } from '../../domain/webhooks/rotate-secret.js'
import { webhookSettingsFromEnv } from '../../domain/webhooks/settings.js'
import { createRouter } from '../common/router.js'
import { presentDelivery, presentEndpoint } from './present.js'
import {
  createEndpointRoute,
  deleteEndpointRoute,
  getEndpointRoute,
  listDeliveriesRoute,
  listEndpointsRoute,
  rotateSecretRoute,
  sendTestEventRoute,
  updateEndpointRoute,
} from './routes.js'

const settingsOf = (config: AppConfig) => config.webhooks ?? webhookSettingsFromEnv()

export const webhookEndpointsRouter = createRouter()
  .openapi(createEndpointRoute, async (c) => {
    const body = c.req.valid('json')
    const endpoint = await createEndpoint(
      c.get('db'),
      c.get('caller').organizationId,
      body,
      settingsOf(c.get('config')),
    )
    c.header('location', `${c.get('config').publicUrl}/v1/webhook-endpoints/${endpoint.id}`)
    return c.json({ ...presentEndpoint(endpoint), secret: endpoint.secret }, 201)
  })
  .openapi(listEndpointsRoute, async (c) => {
    const page = await listEndpoints(c.get('db'), c.get('caller').organizationId, c.req.valid('query'))
    return c.json({ data: page.data.map(presentEndpoint), next_cursor: page.next_cursor }, 200)
  })
  .openapi(getEndpointRoute, async (c) => {
    const endpoint = await getEndpoint(c.get('db'), c.get('caller').organizationId, c.req.valid('param').endpoint_id)
    return c.json(presentEndpoint(endpoint), 200)
  })
  .openapi(updateEndpointRoute, async (c) => {
    const { endpoint_id } = c.req.valid('param')
    const changes = c.req.valid('json')
    const config = settingsOf(c.get('config'))
    const endpoint = await updateEndpoint(c.get('db'), c.get('caller').organizationId, endpoint_id, changes, config)
    return c.json(presentEndpoint(endpoint), 200)
  })
  .openapi(deleteEndpointRoute, async (c) => {
    await deleteEndpoint(c.get('db'), c.get('caller').organizationId, c.req.valid('param').endpoint_id)
    return c.body(null, 204)
  })
  .openapi(rotateSecretRoute, async (c) => {
    const endpoint = await rotateSecret(c.get('db'), c.get('caller').organizationId, c.req.valid('param').endpoint_id)
    return c.json({ ...presentEndpoint(endpoint), secret: endpoint.secret }, 200)
  })
  .openapi(listDeliveriesRoute, async (c) => {
    const { endpoint_id } = c.req.valid('param')
    const page = await listDeliveries(c.get('db'), c.get('caller').organizationId, endpoint_id, c.req.valid('query'))
    return c.json({ data: page.data.map(presentDelivery), next_cursor: page.next_cursor }, 200)
  })
  .openapi(sendTestEventRoute, async (c) => {
    const delivery = await sendTestEvent(c.get('db'), c.get('caller').organizationId, c.req.valid('param').endpoint_id)
    return c.json(presentDelivery(delivery), 202)
  })
