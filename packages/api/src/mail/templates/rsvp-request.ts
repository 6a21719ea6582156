import type { Language, MailContent } from './layout.js'

export interface RsvpRequestMail {
  givenName: string
  title: string
  /** When, where (as the public sees it), online link, organizing group: already formatted. */
  when: string
  where: string | null
  onlineUrl: string | null
  groupName: string
  /** The link that takes the place: it works once. */
  confirmUrl: string
  /** Days the link still works. */
  linkDays: number
  /** Days after which the details of an address never confirmed are erased; null when it was confirmed before. */
  purgeDays: number | null
}

/**
 * After a public RSVP: no place is taken until the owner of the address follows the link, so that
 * nobody can register someone else. The places go in the order of confirmations.
 */
export function rsvpRequest(data: RsvpRequestMail, language: Language): MailContent {
  return language === 'en' ? english(data) : french(data)
}

function french(data: RsvpRequestMail): MailContent {
  const { title } = data
  const details: [string, string][] = [['Quand', data.when]]
  if (data.where) details.push(['Où', data.where])
  if (data.onlineUrl) details.push(['En ligne', data.onlineUrl])
  details.push(['Organisé par', data.groupName])
  const erased = data.purgeDays ? ` et les informations données sont effacées d’ici ${data.purgeDays} jours` : ''
  return {
    subject: `Confirmez votre inscription : ${title}`,
    greeting: `Bonjour ${data.givenName},`,
    blocks: [
      { paragraph: `Une inscription à « ${title} » vient d’être demandée avec cette adresse e-mail.` },
      {
        paragraph:
          'Aucune place n’est réservée tant que vous n’avez pas confirmé : les places sont attribuées dans l’ordre ' +
          'des confirmations, puis la liste d’attente s’il y en a une.',
      },
      { action: { label: 'Confirmer ma participation', url: data.confirmUrl } },
      { paragraph: `Ce lien ne sert qu’une fois, pendant ${data.linkDays} jours au plus.` },
      { details },
      {
        paragraph: `Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : sans confirmation, aucune inscription n’est enregistrée${erased}.`,
      },
    ],
  }
}

function english(data: RsvpRequestMail): MailContent {
  const { title } = data
  const details: [string, string][] = [['When', data.when]]
  if (data.where) details.push(['Where', data.where])
  if (data.onlineUrl) details.push(['Online', data.onlineUrl])
  details.push(['Organized by', data.groupName])
  const erased = data.purgeDays ? ` and the details given are erased within ${data.purgeDays} days` : ''
  return {
    subject: `Confirm your registration: ${title}`,
    greeting: `Hello ${data.givenName},`,
    blocks: [
      { paragraph: `A registration for “${title}” was just asked for with this e-mail address.` },
      {
        paragraph:
          'No place is held until you confirm: places go in the order of confirmations, then to the waitlist ' +
          'when there is one.',
      },
      { action: { label: 'Confirm my attendance', url: data.confirmUrl } },
      { paragraph: `This link works once, for ${data.linkDays} days at most.` },
      { details },
      {
        paragraph: `If you did not ask for this, ignore this message: without confirmation, no registration is recorded${erased}.`,
      },
    ],
  }
}
