import type { Block, Language, MailContent } from './layout.js'

export interface AlreadyMember {
  givenName: string
  organizationName: string
  status: 'active' | 'pending' | 'unsubscribed'
  groupName: string | null
  /** Confirms what this form asked (its consents, the group); none when the link could not be made. */
  confirmUrl: string | null
}

/**
 * To an address already known, instead of a second account: the form answered as for anyone, and
 * this message tells the owner what happened and what a confirmation would do.
 */
export function alreadyMember(data: AlreadyMember, language: Language): MailContent {
  const { organizationName: org, groupName: group, confirmUrl } = data
  if (language === 'en') {
    const state = {
      active: 'You are a member already: no second account was made and your details did not change.',
      pending: 'Your earlier sign-up still waits for the confirmation of your address: no second account was made.',
      unsubscribed: 'You had unsubscribed: no second account was made, and you still receive no messages.',
    }[data.status]
    const ask = {
      active: `To record the choices made on this form${group ? ` and join the group “${group}”` : ''}, confirm:`,
      pending: `To complete your sign-up${group ? ` and join the group “${group}”` : ''}, confirm your address:`,
      unsubscribed: `To come back${group ? ` and join the group “${group}”` : ''}, confirm:`,
    }[data.status]
    const confirm: Block[] = confirmUrl ? [{ paragraph: ask }, { action: { label: 'Confirm', url: confirmUrl } }] : []
    return {
      subject: `Your sign-up with ${org}`,
      greeting: `Hello ${data.givenName},`,
      blocks: [
        { paragraph: `Someone, probably you, just filled in the sign-up form of ${org} with this e-mail address.` },
        { paragraph: state },
        ...confirm,
        { paragraph: 'If it was not you, ignore this message: nothing else changes.' },
      ],
    }
  }
  const state = {
    active: 'Vous en êtes déjà membre : aucun second compte n’a été créé et vos informations n’ont pas changé.',
    pending:
      'Votre inscription précédente attend encore la confirmation de votre adresse : aucun second compte n’a été créé.',
    unsubscribed:
      'Vous vous étiez désabonné·e : aucun second compte n’a été créé, et vous ne recevez toujours pas nos messages.',
  }[data.status]
  const ask = {
    active: `Pour enregistrer les choix faits sur ce formulaire${group ? ` et rejoindre le groupe « ${group} »` : ''}, confirmez :`,
    pending: `Pour finaliser votre inscription${group ? ` et rejoindre le groupe « ${group} »` : ''}, confirmez votre adresse :`,
    unsubscribed: `Pour revenir parmi nous${group ? ` et rejoindre le groupe « ${group} »` : ''}, confirmez :`,
  }[data.status]
  const confirm: Block[] = confirmUrl ? [{ paragraph: ask }, { action: { label: 'Confirmer', url: confirmUrl } }] : []
  return {
    subject: `Votre inscription à ${org}`,
    greeting: `Bonjour ${data.givenName},`,
    blocks: [
      {
        paragraph: `Quelqu’un, sans doute vous, vient de remplir le formulaire d’inscription de ${org} avec cette adresse e-mail.`,
      },
      { paragraph: state },
      ...confirm,
      { paragraph: 'Si ce n’était pas vous, ignorez ce message : rien d’autre ne change.' },
    ],
  }
}
