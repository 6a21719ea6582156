import type { Messages } from '../../i18n/common.js'

export const messages: Messages<
  | 'form'
  | 'allRequired'
  | 'givenName'
  | 'givenNameMissing'
  | 'familyName'
  | 'familyNameMissing'
  | 'email'
  | 'emailMissing'
  | 'postcode'
  | 'postcodeHint'
  | 'postcodeMissing'
  | 'phone'
  | 'joining'
  | 'localSection'
  | 'nearestSection'
  | 'localFound'
  | 'nearestFound'
  | 'groupRejected'
  | 'membershipMissing'
  | 'consentStale'
  | 'submit'
  | 'sending'
  | 'closed'
> = {
  fr: {
    form: 'Adhérer',
    allRequired: 'Tous les champs sont obligatoires, sauf mention contraire.',
    givenName: 'Prénom',
    givenNameMissing: 'Entrez votre prénom.',
    familyName: 'Nom',
    familyNameMissing: 'Entrez votre nom.',
    email: 'Adresse e-mail',
    emailMissing: 'Entrez votre adresse e-mail, par exemple camille@exemple.fr.',
    postcode: 'Code postal',
    postcodeHint: 'Cinq chiffres, par exemple 75011.',
    postcodeMissing: 'Entrez votre code postal, par exemple 75011.',
    phone: 'Téléphone',
    joining: 'Vous rejoindrez :',
    localSection: 'Rejoindre votre section locale : {name}',
    nearestSection: 'Rejoindre la section la plus proche : {name} (à {km} km)',
    localFound: 'Votre section locale : {name}.',
    nearestFound: 'La section la plus proche : {name}, à {km} km.',
    groupRejected: 'Ce groupe ne peut pas être rejoint depuis ce formulaire.',
    membershipMissing: 'Pour adhérer, cochez cette case après avoir lu le texte.',
    consentStale: 'Ce texte vient de changer : rechargez la page pour lire la version en vigueur.',
    submit: 'Adhérer',
    sending: 'Envoi en cours…',
    closed: 'Les adhésions en ligne ne sont pas encore ouvertes ici. Revenez bientôt !',
  },
  en: {
    form: 'Join',
    allRequired: 'All fields are required unless marked optional.',
    givenName: 'First name',
    givenNameMissing: 'Enter your first name.',
    familyName: 'Last name',
    familyNameMissing: 'Enter your last name.',
    email: 'E-mail address',
    emailMissing: 'Enter your e-mail address, such as camille@example.org.',
    postcode: 'Postcode',
    postcodeHint: 'Five digits, such as 75011.',
    postcodeMissing: 'Enter your postcode, such as 75011.',
    phone: 'Phone',
    joining: 'You will join:',
    localSection: 'Join your local section: {name}',
    nearestSection: 'Join the nearest section: {name} ({km} km away)',
    localFound: 'Your local section: {name}.',
    nearestFound: 'The nearest section: {name}, {km} km away.',
    groupRejected: 'This group cannot be joined from this form.',
    membershipMissing: 'To join, tick this box once you have read the text.',
    consentStale: 'This text has just changed: reload the page to read the current version.',
    submit: 'Join',
    sending: 'Sending…',
    closed: 'Online membership is not open here yet. Come back soon!',
  },
}
