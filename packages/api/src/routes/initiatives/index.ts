import type { Context } from 'hono'
import { groupFeed } from '../../domain/calendar/feed.js'
import { renderCalendar } from '../../domain/calendar/ics.js'
import { DomainError } from '../../domain/errors.js'
import { createInitiative } from '../../domain/initiatives/create.js'
import { cancelInitiative, publishInitiative } from '../../domain/initiatives/lifecycle.js'
import { listInitiatives } from '../../domain/initiatives/list.js'
import { getInitiative } from '../../domain/initiatives/queries.js'
import { updateInitiative } from '../../domain/initiatives/update.js'
import type { InitiativeView } from '../../domain/initiatives/visibility.js'
import { ifNoneMatchHolds } from '../../middleware/public-cache/index.js'
import { queryKeyScheme } from '../../middleware/query-key/index.js'
import { audienceOf } from '../common/audience.js'
import { createRouter } from '../common/router.js'
import { calendarAnswer } from './calendar.js'
import { ifMatchEditVersions, initiativeEtag } from './etag.js'
import { calendarUrl, presentInitiative } from './present.js'
import {
  cancelInitiativeRoute,
  createInitiativeRoute,
  getInitiativeRoute,
  groupCalendarRoute,
  initiativeCalendarRoute,
  listInitiativesRoute,
  publishInitiativeRoute,
  updateInitiativeRoute,
} from './routes.js'

const statusScopes = ['initiatives:read', 'initiatives:write']

function present(c: Context, initiative: InitiativeView) {
  return presentInitiative(initiative, {
    publicUrl: c.get('config').publicUrl,
    includePrivate: c.get('caller').kind === 'secret',
  })
}

// The event's link: its online meeting, else its own calendar file, with the publishable key that
// fetched it (public by nature) so that the link opens; a secret key never goes into a calendar.
function eventUrl(c: Context, initiative: InitiativeView): string {
  if (initiative.online_url) return initiative.online_url
  const url = calendarUrl(c.get('config').publicUrl, initiative.id)
  const key = c.req.query('key')
  const publishable = c.get('caller').kind === 'publishable' && key?.startsWith('pk_')
  return publishable && key ? `${url}?key=${encodeURIComponent(key)}` : url
}

export const initiativesRouter = createRouter()
  .openapi(listInitiativesRoute, async (c) => {
    const query = c.req.valid('query')
    const caller = c.get('caller')
    if (query.status && !(caller.kind === 'secret' && caller.scopes.some((scope) => statusScopes.includes(scope)))) {
      throw new DomainError(
        'forbidden',
        'Only secret keys with initiatives:read or initiatives:write may filter on status.',
        [{ path: 'status', message: 'Leave status out: the public sees published initiatives.' }],
      )
    }
    const page = await listInitiatives(c.get('db'), audienceOf(c), {
      group: query.group,
      includeSubgroups: query.include_subgroups,
      kinds: query.kind,
      tag: query.tag,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      near: query.near,
      radiusKm: query.radius_km,
      q: query.q,
      statuses: query.status,
      limit: query.limit,
      cursor: query.cursor,
    })
    return c.json({ data: page.data.map((initiative) => present(c, initiative)), next_cursor: page.next_cursor }, 200)
  })
  .openapi(getInitiativeRoute, async (c) => {
    const initiative = await getInitiative(c.get('db'), audienceOf(c), c.req.valid('param').initiative_id)
    const etag = initiativeEtag(initiative)
    c.header('etag', etag)
    if (ifNoneMatchHolds(c.req.valid('header')['if-none-match'], etag)) return c.body(null, 304)
    return c.json(present(c, initiative), 200)
  })
  .openapi(initiativeCalendarRoute, async (c) => {
    const initiative = await getInitiative(c.get('db'), audienceOf(c), c.req.valid('param').initiative_id)
    const body = renderCalendar({ name: initiative.title, entries: [{ initiative, url: eventUrl(c, initiative) }] })
    return calendarAnswer(c, body, `${initiative.id}.ics`, 'attachment')
  })
  .openapi(groupCalendarRoute, async (c) => {
    const feed = await groupFeed(c.get('db'), audienceOf(c), c.req.valid('param').group_id)
    const body = renderCalendar({
      name: feed.groupName,
      entries: feed.initiatives.map((initiative) => ({ initiative, url: eventUrl(c, initiative) })),
      refreshSeconds: 3600,
    })
    return calendarAnswer(c, body, `${c.req.valid('param').group_id}.ics`, 'inline')
  })
  .openapi(createInitiativeRoute, async (c) => {
    const { publish, ...fields } = c.req.valid('json')
    const initiative = await createInitiative(
      c.get('db'),
      c.get('caller').organizationId,
      { ...fields, starts_at: new Date(fields.starts_at), ends_at: new Date(fields.ends_at) },
      { publish },
    )
    c.header('location', `${c.get('config').publicUrl}/v1/initiatives/${initiative.id}`)
    c.header('etag', initiativeEtag(initiative))
    return c.json(present(c, initiative), 201)
  })
  .openapi(updateInitiativeRoute, async (c) => {
    const { starts_at, ends_at, ...changes } = c.req.valid('json')
    const initiative = await updateInitiative(
      c.get('db'),
      c.get('caller').organizationId,
      c.req.valid('param').initiative_id,
      {
        ...changes,
        starts_at: starts_at === undefined ? undefined : new Date(starts_at),
        ends_at: ends_at === undefined ? undefined : new Date(ends_at),
      },
      { expectedVersions: ifMatchEditVersions(c.req.valid('header')['if-match']) },
    )
    c.header('etag', initiativeEtag(initiative))
    return c.json(present(c, initiative), 200)
  })
  .openapi(publishInitiativeRoute, async (c) => {
    const initiative = await publishInitiative(
      c.get('db'),
      c.get('caller').organizationId,
      c.req.valid('param').initiative_id,
    )
    c.header('etag', initiativeEtag(initiative))
    return c.json(present(c, initiative), 200)
  })
  .openapi(cancelInitiativeRoute, async (c) => {
    const initiative = await cancelInitiative(
      c.get('db'),
      c.get('caller').organizationId,
      c.req.valid('param').initiative_id,
    )
    c.header('etag', initiativeEtag(initiative))
    return c.json(present(c, initiative), 200)
  })

initiativesRouter.openAPIRegistry.registerComponent('securitySchemes', 'publishableKeyInQuery', queryKeyScheme)
