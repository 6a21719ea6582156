import { format } from '../../i18n/common.js'
import { formatCount } from '../../i18n/dates.js'
import type { Schemas } from '../../internal/api.js'
import type { Lang } from '../../internal/relais-element.js'
import { messages } from './messages.js'

export type Activity = Schemas['Activity']

const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' }

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined)
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)

/** "samedi 5 décembre" in the initiative's zone (Paris unless the item says otherwise). */
function day(startsAt: string, timeZone: unknown, lang: Lang): string | undefined {
  const start = new Date(startsAt)
  if (Number.isNaN(start.getTime())) return undefined
  const zone = text(timeZone) ?? 'Europe/Paris'
  try {
    return new Intl.DateTimeFormat(locales[lang], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: zone,
    }).format(start)
  } catch {
    return undefined
  }
}

function initiative(activity: Activity, lang: Lang, cancelled: boolean): string | undefined {
  const m = messages[lang]
  const title = text(activity.data.title)
  const startsAt = text(activity.data.starts_at)
  const date = startsAt && day(startsAt, activity.data.timezone, lang)
  if (!title || !date) return undefined
  const commune = text(activity.data.commune)
  if (cancelled)
    return format(commune ? m.initiativeCancelled : m.initiativeCancelledOnline, {
      title,
      commune: commune ?? '',
      date,
    })
  return format(commune ? m.initiativePublished : m.initiativePublishedOnline, { title, commune: commune ?? '', date })
}

/**
 * The sentence telling an activity, from its kind and data, or undefined for kinds this version
 * does not know or data it cannot read: such items are left out rather than shown half-empty.
 * The values are text: Lit renders the sentence as text, never as HTML.
 */
export function describeActivity(activity: Activity, lang: Lang): string | undefined {
  const m = messages[lang]
  const data = activity.data
  switch (activity.kind) {
    case 'initiative_published':
      return initiative(activity, lang, false)
    case 'initiative_cancelled':
      return initiative(activity, lang, true)
    case 'group_created': {
      const name = text(data.name) ?? activity.group?.name
      return name ? format(m.groupCreated, { name }) : undefined
    }
    case 'members_milestone': {
      const n = count(data.count)
      return n === undefined ? undefined : format(m.membersMilestone, { count: formatCount(n, lang) })
    }
    case 'member_joined': {
      const givenName = text(data.given_name)
      const commune = text(data.commune)
      if (!givenName) return undefined
      return format(commune ? m.memberJoinedSomewhere : m.memberJoined, {
        given_name: givenName,
        commune: commune ?? '',
      })
    }
    case 'rsvp_milestone': {
      const n = count(data.going) ?? count(data.count)
      const title = text(data.title)
      return n === undefined || !title ? undefined : format(m.rsvpMilestone, { count: formatCount(n, lang), title })
    }
    default:
      return undefined
  }
}
