import { changeRsvpStatus } from '../../domain/rsvps/change.js'
import { getRsvp, listRsvps } from '../../domain/rsvps/list.js'
import { registerRsvp } from '../../domain/rsvps/register.js'
import { requestRsvp } from '../../domain/rsvps/request.js'
import { audienceOf } from '../common/audience.js'
import { auditActor, auditRead } from '../common/audit.js'
import { requireProof } from '../common/proof.js'
import { createRouter } from '../common/router.js'
import { textsInForceOf } from '../common/texts-in-force.js'
import { sourceOf } from '../signups/source.js'
import { presentPlaced, presentRequested, presentRsvp } from './present.js'
import { createRsvpRoute, listRsvpsRoute, updateRsvpRoute } from './routes.js'

export const rsvpsRouter = createRouter()
  .openapi(createRsvpRoute, async (c) => {
    const rsvp = c.req.valid('json')
    const { initiative_id } = c.req.valid('param')
    c.header('cache-control', 'no-store')
    await requireProof(c, rsvp)
    const form = {
      audience: audienceOf(c),
      initiativeId: initiative_id,
      person: {
        email: rsvp.email,
        given_name: rsvp.given_name,
        family_name: rsvp.family_name,
        postcode: rsvp.postcode,
        phone: rsvp.phone ?? null,
      },
      language: rsvp.language,
      consents: rsvp.consents,
      source: sourceOf(c, rsvp.source_page),
      textsInForce: textsInForceOf(c),
    }
    // The organization's own server answers for the person: the place is given at once.
    if (c.get('caller').kind === 'secret') {
      const outcome = await registerRsvp(c.get('db'), form)
      return c.json(presentPlaced(outcome), outcome.created ? 201 : 200)
    }
    // A request moves no count until its link is followed: public answers stay cached.
    c.set('publicAnswersUnchanged', true)
    // The clear confirmation token stays in the domain for the e-mail to come; it is neither answered nor logged.
    await requestRsvp(c.get('db'), { ...form, robot: Boolean(rsvp.website) })
    return c.json(presentRequested(initiative_id), 202)
  })
  .openapi(listRsvpsRoute, async (c) => {
    const query = c.req.valid('query')
    const page = await listRsvps(c.get('db'), c.get('caller').organizationId, c.req.valid('param').initiative_id, {
      status: query.status,
      limit: query.limit,
      cursor: query.cursor,
    })
    await auditRead(c, {
      action: 'rsvp.list',
      targetType: 'initiative',
      targetId: c.req.valid('param').initiative_id,
      details: { query: { status: query.status }, count: page.data.length },
    })
    c.header('cache-control', 'no-store')
    return c.json({ data: page.data.map(presentRsvp), next_cursor: page.next_cursor }, 200)
  })
  .openapi(updateRsvpRoute, async (c) => {
    const { organizationId } = c.get('caller')
    const { rsvp_id } = c.req.valid('param')
    await changeRsvpStatus(c.get('db'), organizationId, rsvp_id, c.req.valid('json').status, new Date(), auditActor(c))
    return c.json(presentRsvp(await getRsvp(c.get('db'), organizationId, rsvp_id)), 200)
  })
