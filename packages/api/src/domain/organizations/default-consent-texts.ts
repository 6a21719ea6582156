import type { ConsentPurpose } from '../consent/purposes.js'

/**
 * The consent texts a new organization starts with, in French and English. Sober on purpose: they
 * name who processes what, why, and that consent can be withdrawn; the party's lawyers are expected
 * to replace them with new versions.
 */
export function defaultConsentTexts(organization: string): Record<ConsentPurpose, Record<'fr' | 'en', string>> {
  return {
    membership: {
      fr:
        `J’accepte que ${organization} traite mes données (nom, adresse e-mail, code postal, groupes), qui révèlent ` +
        'une opinion politique, pour gérer mon adhésion et me mettre en relation avec les groupes proches de chez moi. ' +
        'Je peux retirer ce consentement à tout moment.',
      en:
        `I agree that ${organization} processes my data (name, e-mail address, postcode, groups), which reveal a ` +
        'political opinion, to manage my membership and put me in touch with groups near me. ' +
        'I can withdraw this consent at any time.',
    },
    event_participation: {
      fr:
        `J’accepte que ${organization} traite mes données (nom, adresse e-mail, code postal), qui révèlent une opinion ` +
        'politique, pour enregistrer ma participation à cette initiative et me prévenir de ses changements. ' +
        'Je peux retirer ce consentement à tout moment.',
      en:
        `I agree that ${organization} processes my data (name, e-mail address, postcode), which reveal a political ` +
        'opinion, to record my participation in this initiative and tell me about changes to it. ' +
        'I can withdraw this consent at any time.',
    },
    news: {
      fr: `J’accepte de recevoir par e-mail les actualités de ${organization}. Chaque message permet de me désabonner.`,
      en: `I agree to receive news from ${organization} by e-mail. Every message lets me unsubscribe.`,
    },
    public_activity: {
      fr:
        `J’accepte que mon prénom, l’initiale de mon nom et ma commune apparaissent dans l’activité publique de ` +
        `${organization} (par exemple « Marie D., Lyon, a rejoint la section »). ` +
        'Je peux retirer ce consentement à tout moment.',
      en:
        `I agree that my given name, the initial of my family name and my town appear in the public activity of ` +
        `${organization} (for example “Marie D., Lyon, joined the section”). I can withdraw this consent at any time.`,
    },
  }
}
