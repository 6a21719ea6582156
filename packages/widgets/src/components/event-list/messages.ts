import type { Messages } from '../../i18n/common.js'

export const messages: Messages<'empty' | 'more' | 'loadedMore' | 'rsvp' | 'list'> = {
  fr: {
    empty: 'Aucune action prévue pour le moment. Revenez bientôt ou proposez-en une !',
    more: 'Voir plus',
    loadedMore: '{n} actions de plus affichées.',
    rsvp: 'Je participe',
    list: 'Actions à venir',
  },
  en: {
    empty: 'No actions planned for now. Come back soon, or propose one!',
    more: 'Show more',
    loadedMore: '{n} more actions shown.',
    rsvp: "I'll be there",
    list: 'Upcoming actions',
  },
}
