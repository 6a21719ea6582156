import type { Block, Language, MailContent } from './layout.js'

export interface RsvpConfirmation {
  givenName: string
  organizationName: string
  title: string
  status: 'going' | 'waitlisted'
  waitlistPosition: number | null
  /** The address asked again for a place it already holds: it is told so, and nothing changed. */
  again: boolean
  /** When, where, online link, organizing group: already formatted. */
  when: string
  where: string | null
  onlineUrl: string | null
  groupName: string
  /** The double opt-in link, while the person's address is not confirmed. */
  confirmUrl: string | null
  purgeDays: number
}

/**
 * After an RSVP took its place, or was asked for again by an address holding one: what is recorded,
 * the initiative's details (the ICS is attached), and the double opt-in while the address is unconfirmed.
 */
export function rsvpConfirmation(data: RsvpConfirmation, language: Language): MailContent {
  return language === 'en' ? english(data) : french(data)
}

function french(data: RsvpConfirmation): MailContent {
  const { title } = data
  const details: [string, string][] = [['Quand', data.when]]
  if (data.where) details.push(['Où', data.where])
  if (data.onlineUrl) details.push(['En ligne', data.onlineUrl])
  details.push(['Organisé par', data.groupName])
  const confirm: Block[] = data.confirmUrl
    ? [
        {
          paragraph:
            'Dernière étape : confirmez votre adresse e-mail. Sans confirmation d’ici ' +
            `${data.purgeDays} jours, votre inscription est effacée.`,
        },
        { action: { label: 'Confirmer mon adresse', url: data.confirmUrl } },
      ]
    : []
  const position = data.waitlistPosition ? ` (position ${data.waitlistPosition})` : ''
  const recorded = data.again
    ? `Une inscription à « ${title} » vient d’être demandée avec cette adresse e-mail : ` +
      (data.status === 'going'
        ? 'vous y êtes déjà inscrit·e, votre place reste la même.'
        : `vous êtes déjà sur la liste d’attente${position}, rien n’a changé.`)
    : data.status === 'going'
      ? `Votre participation à « ${title} » est enregistrée.`
      : `« ${title} » est complet : vous êtes sur la liste d’attente${position}. ` +
        'Les places qui se libèrent sont attribuées dans l’ordre des inscriptions.'
  const subject = data.again
    ? data.status === 'going'
      ? `Vous êtes déjà inscrit·e : ${title}`
      : `Déjà sur la liste d’attente : ${title}`
    : data.status === 'waitlisted'
      ? `Liste d’attente : ${title}`
      : data.confirmUrl
        ? `Confirmez votre participation : ${title}`
        : `Votre participation : ${title}`
  return {
    subject,
    greeting: `Bonjour ${data.givenName},`,
    blocks: [
      { paragraph: recorded },
      ...confirm,
      { details },
      { paragraph: 'L’invitation est jointe à ce message (fichier .ics) : ouvrez-la pour l’ajouter à votre agenda.' },
      ...(data.again ? [{ paragraph: 'Si ce n’était pas vous, ignorez ce message : rien ne change.' }] : []),
    ],
  }
}

function english(data: RsvpConfirmation): MailContent {
  const { title } = data
  const details: [string, string][] = [['When', data.when]]
  if (data.where) details.push(['Where', data.where])
  if (data.onlineUrl) details.push(['Online', data.onlineUrl])
  details.push(['Organized by', data.groupName])
  const confirm: Block[] = data.confirmUrl
    ? [
        {
          paragraph:
            'One last step: confirm your e-mail address. Without confirmation within ' +
            `${data.purgeDays} days, your registration is erased.`,
        },
        { action: { label: 'Confirm my address', url: data.confirmUrl } },
      ]
    : []
  const position = data.waitlistPosition ? ` (position ${data.waitlistPosition})` : ''
  const recorded = data.again
    ? `A registration for “${title}” was just asked for with this e-mail address: ` +
      (data.status === 'going'
        ? 'you are registered already, and keep your place.'
        : `you are on the waitlist already${position}, and nothing changed.`)
    : data.status === 'going'
      ? `Your place at “${title}” is recorded.`
      : `“${title}” is full: you are on the waitlist${position}. ` +
        'Places that free up go to the waitlist in order of registration.'
  const subject = data.again
    ? data.status === 'going'
      ? `You are registered already: ${title}`
      : `On the waitlist already: ${title}`
    : data.status === 'waitlisted'
      ? `Waitlist: ${title}`
      : data.confirmUrl
        ? `Confirm your attendance: ${title}`
        : `You are going: ${title}`
  return {
    subject,
    greeting: `Hello ${data.givenName},`,
    blocks: [
      { paragraph: recorded },
      ...confirm,
      { details },
      { paragraph: 'The invitation is attached to this message (.ics file): open it to add it to your calendar.' },
      ...(data.again ? [{ paragraph: 'If it was not you, ignore this message: nothing changes.' }] : []),
    ],
  }
}
