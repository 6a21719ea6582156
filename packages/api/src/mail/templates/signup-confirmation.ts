import type { Language, MailContent } from './layout.js'

export interface SignupConfirmation {
  givenName: string
  organizationName: string
  groupName: string | null
  confirmUrl: string
  /** Days the link still works. */
  linkDays: number
  /** Days after which an unconfirmed sign-up is erased. */
  purgeDays: number
}

/** To a new address: the double opt-in link, without which nothing is kept. */
export function signupConfirmation(data: SignupConfirmation, language: Language): MailContent {
  const { organizationName: org, groupName: group } = data
  if (language === 'en') {
    return {
      subject: `Confirm your sign-up with ${org}`,
      greeting: `Hello ${data.givenName},`,
      blocks: [
        {
          paragraph:
            `Thank you for joining ${org}${group ? ` and the group “${group}”` : ''}. One step is left: confirm ` +
            'that this e-mail address is yours.',
        },
        { action: { label: 'Confirm my address', url: data.confirmUrl } },
        { paragraph: `This link works once, for ${data.linkDays} days.` },
        {
          paragraph:
            'If you did not ask for this, ignore this message: without confirmation, the details given are ' +
            `erased within ${data.purgeDays} days.`,
        },
      ],
    }
  }
  return {
    subject: `Confirmez votre inscription à ${org}`,
    greeting: `Bonjour ${data.givenName},`,
    blocks: [
      {
        paragraph:
          `Merci de rejoindre ${org}${group ? ` et le groupe « ${group} »` : ''}. Il reste une étape : confirmer ` +
          'que cette adresse e-mail est bien la vôtre.',
      },
      { action: { label: 'Confirmer mon adresse', url: data.confirmUrl } },
      { paragraph: `Ce lien ne sert qu’une fois, pendant ${data.linkDays} jours.` },
      {
        paragraph:
          'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : sans confirmation, les ' +
          `informations données sont effacées d’ici ${data.purgeDays} jours.`,
      },
    ],
  }
}
