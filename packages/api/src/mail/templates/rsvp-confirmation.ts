import type { Block, Language, MailContent } from './layout.js'

export interface RsvpConfirmation {
  givenName: string
  organizationName: string
  title: string
  status: 'going' | 'waitlisted'
  waitlistPosition: number | null
  /** When, where, online link, organizing group: already formatted. */
  when: string
  where: string | null
  onlineUrl: string | null
  groupName: string
  /** The double opt-in link, while the person's address is not confirmed. */
  confirmUrl: string | null
  purgeDays: number
}

/** After an RSVP: what was recorded, the initiative's details (the ICS is attached), and the double opt-in. */
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
  const recorded =
    data.status === 'going'
      ? `Votre participation à « ${title} » est enregistrée.`
      : `« ${title} » est complet : vous êtes sur la liste d’attente${data.waitlistPosition ? ` (position ${data.waitlistPosition})` : ''}. ` +
        'Les places qui se libèrent sont attribuées dans l’ordre des inscriptions.'
  return {
    subject:
      data.status === 'waitlisted'
        ? `Liste d’attente : ${title}`
        : data.confirmUrl
          ? `Confirmez votre participation : ${title}`
          : `Votre participation : ${title}`,
    greeting: `Bonjour ${data.givenName},`,
    blocks: [
      { paragraph: recorded },
      ...confirm,
      { details },
      { paragraph: 'L’invitation est jointe à ce message (fichier .ics) : ouvrez-la pour l’ajouter à votre agenda.' },
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
  const recorded =
    data.status === 'going'
      ? `Your place at “${title}” is recorded.`
      : `“${title}” is full: you are on the waitlist${data.waitlistPosition ? ` (position ${data.waitlistPosition})` : ''}. ` +
        'Places that free up go to the waitlist in order of registration.'
  return {
    subject:
      data.status === 'waitlisted'
        ? `Waitlist: ${title}`
        : data.confirmUrl
          ? `Confirm your attendance: ${title}`
          : `You are going: ${title}`,
    greeting: `Hello ${data.givenName},`,
    blocks: [
      { paragraph: recorded },
      ...confirm,
      { details },
      { paragraph: 'The invitation is attached to this message (.ics file): open it to add it to your calendar.' },
    ],
  }
}
