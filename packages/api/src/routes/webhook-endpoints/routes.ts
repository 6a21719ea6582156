import { createRoute } from '@hono/zod-openapi'
import { secretAccess } from '../common/access.js'
import { json, jsonBody, ListQuery, locationHeader, problems } from '../common/schemas.js'
import {
  CreatedWebhookEndpointSchema,
  DeliveryListQuery,
  EndpointIdParam,
  NewWebhookEndpointSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookEndpointPageSchema,
  WebhookEndpointSchema,
  WebhookEndpointUpdateSchema,
} from './schemas.js'

const tags = ['Webhooks']
const access = secretAccess('webhooks:write')

export const createEndpointRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints',
  operationId: 'createWebhookEndpoint',
  tags,
  summary: 'Register a webhook endpoint',
  description:
    'Your server receives the chosen events as signed POSTs (Standard Webhooks: `webhook-id`, `webhook-timestamp`, ' +
    '`webhook-signature`). The URL must be https on a public address: loopback, private, link-local, shared and ' +
    'reserved addresses are refused (400), and checked again at each delivery. The answer holds the signing ' +
    'secret, once.',
  ...access,
  request: { body: jsonBody(NewWebhookEndpointSchema) },
  responses: {
    201: {
      ...json(CreatedWebhookEndpointSchema, 'The endpoint and its signing secret.'),
      headers: { Location: locationHeader('The URL of the new endpoint.') },
    },
    ...problems(400, 401, 403, 413, 415),
  },
})

export const listEndpointsRoute = createRoute({
  method: 'get',
  path: '/v1/webhook-endpoints',
  operationId: 'listWebhookEndpoints',
  tags,
  summary: 'List webhook endpoints',
  description: "The organization's endpoints, oldest first. Secrets are never listed.",
  ...access,
  request: { query: ListQuery },
  responses: { 200: json(WebhookEndpointPageSchema, 'A page of endpoints.'), ...problems(400, 401, 403) },
})

export const getEndpointRoute = createRoute({
  method: 'get',
  path: '/v1/webhook-endpoints/{endpoint_id}',
  operationId: 'getWebhookEndpoint',
  tags,
  summary: 'Get a webhook endpoint',
  description: 'One endpoint, with why it is disabled if it is.',
  ...access,
  request: { params: EndpointIdParam },
  responses: { 200: json(WebhookEndpointSchema, 'The endpoint.'), ...problems(400, 401, 403, 404) },
})

export const updateEndpointRoute = createRoute({
  method: 'patch',
  path: '/v1/webhook-endpoints/{endpoint_id}',
  operationId: 'updateWebhookEndpoint',
  tags,
  summary: 'Update a webhook endpoint',
  description:
    'Changes the fields given. A new URL is checked as at creation. `enabled: false` stops sending (queued ' +
    'deliveries then fail without being sent); `enabled: true` resumes, also after a 410 Gone.',
  ...access,
  request: { params: EndpointIdParam, body: jsonBody(WebhookEndpointUpdateSchema) },
  responses: { 200: json(WebhookEndpointSchema, 'The endpoint.'), ...problems(400, 401, 403, 404, 413, 415) },
})

export const deleteEndpointRoute = createRoute({
  method: 'delete',
  path: '/v1/webhook-endpoints/{endpoint_id}',
  operationId: 'deleteWebhookEndpoint',
  tags,
  summary: 'Delete a webhook endpoint',
  description: 'Stops all sending to the endpoint and deletes it with its delivery log.',
  ...access,
  request: { params: EndpointIdParam },
  responses: { 204: { description: 'Deleted.' }, ...problems(400, 401, 403, 404) },
})

export const rotateSecretRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints/{endpoint_id}/rotate-secret',
  operationId: 'rotateWebhookSecret',
  tags,
  summary: 'Rotate the signing secret',
  description:
    'Gives the endpoint a new secret, shown in this answer only. For 24 hours events carry two signatures, ' +
    'one per secret (space-separated in `webhook-signature`), so your receiver can switch to the new secret ' +
    'without rejecting anything; then the old one stops signing.',
  ...access,
  request: { params: EndpointIdParam },
  responses: {
    200: json(CreatedWebhookEndpointSchema, 'The endpoint and its new secret.'),
    ...problems(400, 401, 403, 404),
  },
})

export const listDeliveriesRoute = createRoute({
  method: 'get',
  path: '/v1/webhook-endpoints/{endpoint_id}/deliveries',
  operationId: 'listWebhookDeliveries',
  tags,
  summary: 'List deliveries to an endpoint',
  description:
    'The delivery log, newest first: each event sent to the endpoint, its state, and every attempt with the ' +
    'status code or error it got.',
  ...access,
  request: { params: EndpointIdParam, query: DeliveryListQuery },
  responses: { 200: json(WebhookDeliveryPageSchema, 'A page of deliveries.'), ...problems(400, 401, 403, 404) },
})

export const sendTestEventRoute = createRoute({
  method: 'post',
  path: '/v1/webhook-endpoints/{endpoint_id}/test',
  operationId: 'sendWebhookTestEvent',
  tags,
  summary: 'Send a test event',
  description:
    'Queues a `webhook.test` event for this endpoint, signed and retried like any other, whatever it subscribes ' +
    'to. Follow it in the delivery log. A disabled endpoint answers 409.',
  ...access,
  request: { params: EndpointIdParam },
  responses: { 202: json(WebhookDeliverySchema, 'The queued delivery.'), ...problems(400, 401, 403, 404, 409) },
})
