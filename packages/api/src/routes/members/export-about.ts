// Written for the person who asked for their data, not for developers: the export is meant to be
// sent to them as it is.
export const exportAbout = {
  member: {
    fr:
      'Les informations que nous conservons sur vous : identité, coordonnées, langue, étiquettes posées par ' +
      'les équipes, statut et origine de votre inscription.',
    en:
      'The information we hold about you: identity, contact details, language, tags set by our teams, status ' +
      'and where your sign-up came from.',
  },
  memberships: {
    fr:
      'Les groupes (sections locales, groupes thématiques ou d’action) dont vous êtes membre, avec votre rôle ' +
      'et la date d’arrivée.',
    en: 'The groups (local sections, thematic or action groups) you belong to, with your role and the date you joined.',
  },
  consents: {
    fr:
      'Chaque consentement que vous avez donné, avec le texte exact qui vous a été présenté, la date, la ' +
      'confirmation par e-mail et un éventuel retrait.',
    en:
      'Each consent you gave, with the exact text you were shown, the date, the e-mail confirmation and any ' +
      'withdrawal.',
  },
  rsvps: {
    fr: 'Vos inscriptions aux événements et actions, avec leur titre, leurs dates et l’état de votre participation.',
    en: 'Your registrations for events and actions, with their title, dates and the state of your participation.',
  },
  confirmations: {
    fr:
      'Les liens de confirmation envoyés par e-mail : quand, pour quoi, et s’ils ont été utilisés. Les liens ' +
      'eux-mêmes ne sont pas conservés.',
    en:
      'The confirmation links e-mailed to you: when, for what, and whether they were used. The links ' +
      'themselves are not kept.',
  },
  activity: {
    fr: 'Les messages publics du fil d’activité qui vous concernent, publiés seulement avec votre accord.',
    en: 'The public activity feed items about you, published only with your agreement.',
  },
}
