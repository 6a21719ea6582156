import type { Messages } from '../../i18n/common.js'

export const messages: Messages<'empty' | 'more' | 'rsvp' | 'list'> = {
  fr: {
    empty: 'Aucune action prévue pour le moment. Revenez bientôt ou proposez-en une !',
    more: 'Voir plus',
    rsvp: 'Je participe',
    list: 'Actions à venir',
  },
  en: {
    empty: 'No actions planned for now. Come back soon, or propose one!',
    more: 'Show more',
    rsvp: "I'll be there",
    list: 'Upcoming actions',
  },
}
