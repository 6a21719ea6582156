import type { Transaction } from 'kysely'
import type { Database, MailAttachment, Member, MemberSource } from '../db/types.js'
import { renderCalendar } from '../domain/calendar/ics.js'
import { getInitiative } from '../domain/initiatives/queries.js'
import type { InitiativeView } from '../domain/initiatives/visibility.js'
import type { EmailJob } from '../domain/mail/email-job.js'
import { reissueConfirmation } from '../domain/members/reissue-confirmation.js'
import { issueUnsubscribeToken } from '../domain/members/unsubscribe.js'
import { waitlistPosition } from '../domain/rsvps/counts.js'
import type { OutgoingMail } from './message.js'
import { alreadyMember } from './templates/already-member.js'
import { daysLeft, formatPeriod } from './templates/dates.js'
import { type Language, languageOf, type MailContent, renderMail } from './templates/layout.js'
import { rsvpConfirmation } from './templates/rsvp-confirmation.js'
import { rsvpRequest } from './templates/rsvp-request.js'
import { signupConfirmation } from './templates/signup-confirmation.js'

export interface ComposeSettings {
  publicUrl: string
  mailFrom: string
  unconfirmedDays: number
  now?: Date
}

interface Recipient {
  organizationName: string
  member: Member & { email: string }
  language: Language
}

/**
 * Writes the message a job asks for, in the transaction that also stores its new links (the
 * confirmation token given a fresh value, an unsubscribe token). Answers nothing when there is no
 * longer anything to say: the person was erased, the RSVP cancelled, the sign-up or RSVP request's
 * link already used.
 */
export async function composeEmail(
  trx: Transaction<Database>,
  job: EmailJob,
  settings: ComposeSettings,
): Promise<OutgoingMail | undefined> {
  const now = settings.now ?? new Date()
  const recipient = await findRecipient(trx, job)
  if (!recipient) return undefined
  const { member, language } = recipient
  const links = linksFor(settings.publicUrl)
  const confirmation = async () =>
    job.confirmation ? reissueConfirmation(trx, job.organizationId, job.confirmation, now) : undefined
  let content: MailContent
  let attachments: MailAttachment[] = []
  if (job.template === 'rsvp-request') {
    const confirmed = await confirmation()
    // Used, expired or lapsed meanwhile: the link would take nothing.
    if (!confirmed?.subjectId) return undefined
    const initiative = await getInitiative(
      trx,
      { organizationId: job.organizationId, includePrivate: true },
      confirmed.subjectId,
    )
    content = rsvpRequest(
      {
        givenName: member.given_name ?? '',
        title: initiative.title,
        when: formatPeriod(initiative.starts_at, initiative.ends_at, initiative.timezone, language),
        // No place yet: the address stays as the public sees it.
        where: placeOf(initiative),
        onlineUrl: initiative.online_url,
        groupName: initiative.group_name,
        confirmUrl: links.confirm(confirmed.token),
        linkDays: daysLeft(confirmed.expiresAt, now),
        purgeDays: member.status === 'pending' ? settings.unconfirmedDays : null,
      },
      language,
    )
  } else if (job.template === 'rsvp-confirmation' || job.template === 'already-registered') {
    const rsvp = await trx
      .selectFrom('rsvps')
      .selectAll()
      .where('organization_id', '=', job.organizationId)
      .where('id', '=', job.rsvpId ?? '')
      .where('member_id', '=', member.id)
      .executeTakeFirst()
    if (!rsvp || (rsvp.status !== 'going' && rsvp.status !== 'waitlisted')) return undefined
    const status = rsvp.status
    const initiative = await getInitiative(
      trx,
      { organizationId: job.organizationId, includePrivate: true },
      rsvp.initiative_id,
    )
    // Only while the address is unconfirmed does the message carry the double opt-in link.
    const confirmed = member.status === 'pending' ? await confirmation() : undefined
    // A participant learns the exact place; the waitlist sees what the public sees.
    const shown = status === 'going' ? exactly(initiative) : initiative
    content = rsvpConfirmation(
      {
        givenName: member.given_name ?? '',
        organizationName: recipient.organizationName,
        title: initiative.title,
        status,
        waitlistPosition: status === 'waitlisted' ? await waitlistPosition(trx, rsvp) : null,
        again: job.template === 'already-registered',
        when: formatPeriod(initiative.starts_at, initiative.ends_at, initiative.timezone, language),
        where: placeOf(shown),
        onlineUrl: initiative.online_url,
        groupName: initiative.group_name,
        confirmUrl: confirmed ? links.confirm(confirmed.token) : null,
        purgeDays: settings.unconfirmedDays,
      },
      language,
    )
    const eventUrl = initiative.online_url ?? webPage(rsvp.source) ?? settings.publicUrl
    attachments = [
      {
        filename: `${initiative.id}.ics`,
        content_type: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: renderCalendar({
          name: initiative.title,
          entries: [{ initiative: shown, url: eventUrl }],
          method: 'PUBLISH',
        }),
      },
    ]
  } else {
    const confirmed = await confirmation()
    const groupName = confirmed?.subjectId ? await groupNameOf(trx, job.organizationId, confirmed.subjectId) : null
    if (job.template === 'signup-confirmation') {
      if (!confirmed) return undefined
      content = signupConfirmation(
        {
          givenName: member.given_name ?? '',
          organizationName: recipient.organizationName,
          groupName,
          confirmUrl: links.confirm(confirmed.token),
          linkDays: daysLeft(confirmed.expiresAt, now),
          purgeDays: settings.unconfirmedDays,
        },
        language,
      )
    } else {
      content = alreadyMember(
        {
          givenName: member.given_name ?? '',
          organizationName: recipient.organizationName,
          status: member.status === 'erased' ? 'active' : member.status,
          groupName,
          confirmUrl: confirmed ? links.confirm(confirmed.token) : null,
        },
        language,
      )
    }
  }
  const unsubscribeUrl = links.unsubscribe(await issueUnsubscribeToken(trx, job.organizationId, member.id, now))
  const rendered = renderMail(content, {
    language,
    organizationName: recipient.organizationName,
    unsubscribeUrl,
  })
  return {
    organizationId: job.organizationId,
    memberId: member.id,
    template: job.template,
    from: { name: recipient.organizationName, address: settings.mailFrom },
    to: member.email,
    ...rendered,
    attachments,
    // RFC 8058: mail apps offer "unsubscribe", and may POST to the link in one click.
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }
}

async function findRecipient(trx: Transaction<Database>, job: EmailJob): Promise<Recipient | undefined> {
  const row = await trx
    .selectFrom('members')
    .innerJoin('organizations', 'organizations.id', 'members.organization_id')
    .selectAll('members')
    .select('organizations.name as organization_name')
    .where('members.organization_id', '=', job.organizationId)
    .where('members.id', '=', job.memberId)
    .executeTakeFirst()
  if (!row || row.status === 'erased' || !row.email) return undefined
  const { organization_name, ...member } = row
  return {
    organizationName: organization_name,
    member: { ...member, email: row.email },
    language: languageOf(job.language),
  }
}

function linksFor(publicUrl: string) {
  return {
    confirm: (token: string) => `${publicUrl}/confirm?token=${token}`,
    unsubscribe: (token: string) => `${publicUrl}/unsubscribe?token=${token}`,
  }
}

async function groupNameOf(trx: Transaction<Database>, organizationId: string, groupId: string) {
  const group = await trx
    .selectFrom('groups')
    .select('name')
    .where('organization_id', '=', organizationId)
    .where('id', '=', groupId)
    .executeTakeFirst()
  return group?.name ?? null
}

/** The initiative as its participants see it: street address and exact coordinates included. */
function exactly(initiative: InitiativeView): InitiativeView {
  return {
    ...initiative,
    hide_address: false,
    public_latitude: initiative.latitude ?? initiative.public_latitude,
    public_longitude: initiative.longitude ?? initiative.public_longitude,
  }
}

function placeOf(initiative: InitiativeView): string | null {
  const town = [initiative.postcode, initiative.commune].filter(Boolean).join(' ')
  const parts = [initiative.location_name, initiative.hide_address ? null : initiative.address, town || null]
  return parts.filter((part): part is string => Boolean(part)).join(', ') || null
}

/** The page the form was on, when it is a web address: the event's link in the calendar. */
function webPage(source: MemberSource): string | undefined {
  return source.origin && /^https?:\/\//.test(source.origin) ? source.origin : undefined
}
