import type { OpenAPIHono } from '@hono/zod-openapi'
import { activityRouter } from './activity/index.js'
import { auditEventsRouter } from './audit-events/index.js'
import { challengesRouter } from './challenges/index.js'
import { consentTextsRouter } from './consent-texts/index.js'
import { groupsRouter } from './groups/index.js'
import { initiativesRouter } from './initiatives/index.js'
import { keysRouter } from './keys/index.js'
import { membersRouter } from './members/index.js'
import { placesRouter } from './places/index.js'
import { retentionPolicyRouter } from './retention-policy/index.js'
import { rsvpsRouter } from './rsvps/index.js'
import { signupsRouter } from './signups/index.js'
import { statsRouter } from './stats/index.js'
import { webhookEndpointsRouter } from './webhook-endpoints/index.js'

/** Every /v1 resource, in the order the reference lists them. */
export const routers: OpenAPIHono[] = [
  groupsRouter,
  initiativesRouter,
  rsvpsRouter,
  membersRouter,
  signupsRouter,
  challengesRouter,
  consentTextsRouter,
  activityRouter,
  statsRouter,
  placesRouter,
  keysRouter,
  auditEventsRouter,
  retentionPolicyRouter,
  webhookEndpointsRouter,
]
