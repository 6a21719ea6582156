import type { ConsentPurpose } from '../consent/purposes.js'

export type ConsentLanguage = 'fr' | 'en'

export interface Controller {
  /** The organization, data controller under the GDPR. */
  name: string
  dpoEmail: string
}

/**
 * The words a person agrees to, per purpose and language. Records keep the SHA-256 of exactly
 * this text, so once published a version is never edited: a change is a new version.
 */
export function consentText(purpose: ConsentPurpose, language: ConsentLanguage, c: Controller): string {
  return texts[language][purpose](c)
}

const texts: Record<ConsentLanguage, Record<ConsentPurpose, (c: Controller) => string>> = {
  fr: {
    membership: (c) =>
      `J'adhère à ${c.name}. Je comprends que cette adhésion révèle mon opinion politique, donnée sensible au sens de l'article 9 du RGPD, ` +
      `et je consens explicitement à ce que ${c.name}, responsable du traitement, traite mes données (nom, adresse électronique, code postal, commune et, si je le donne, téléphone) ` +
      `pour gérer mon adhésion et me permettre de participer à la vie de ma section. Ces données ne sont ni vendues ni cédées ; elles sont conservées le temps de mon adhésion, puis trois ans au plus après mon dernier contact. ` +
      `Je peux retirer mon consentement à tout moment, sans avoir à me justifier, par le lien présent dans chaque message ou en écrivant à ${c.dpoEmail}. ` +
      `Je dispose des droits d'accès, de rectification, d'effacement, de limitation et de portabilité, et je peux adresser une réclamation à la CNIL.`,
    event_participation: (c) =>
      `J'accepte que ${c.name}, responsable du traitement, enregistre ma participation à cette initiative, ce qui révèle une opinion politique : ` +
      `je consens explicitement à ce que mes nom, adresse électronique et code postal soient communiqués à ses organisateurs pour m'en donner les détails et me prévenir de tout changement. ` +
      `Ces données sont supprimées un an après l'initiative. Je peux retirer mon consentement à tout moment en annulant ma participation ou en écrivant à ${c.dpoEmail}.`,
    news: (c) =>
      `J'accepte de recevoir par courriel les actualités de ${c.name} et de ma section : initiatives près de chez moi, campagnes, invitations. ` +
      `Je peux me désabonner à tout moment par le lien présent dans chaque message ou en écrivant à ${c.dpoEmail}.`,
    public_activity: (c) =>
      `J'accepte que mon prénom et ma commune apparaissent dans le fil d'activité public de ${c.name}, par exemple « Marie, Lyon 3e, a rejoint la section ». ` +
      `Rien d'autre me concernant n'y est publié. Je peux retirer cet accord à tout moment ; la mention disparaît alors du fil. Contact : ${c.dpoEmail}.`,
  },
  en: {
    membership: (c) =>
      `I am joining ${c.name}. I understand that joining reveals my political opinion, special-category data under Article 9 of the GDPR, ` +
      `and I explicitly consent to ${c.name}, the data controller, processing my data (name, email address, postcode, town and, if I give it, phone number) ` +
      `to manage my membership and let me take part in the life of my local section. This data is never sold or shared; it is kept while I am a member, then for at most three years after my last contact. ` +
      `I can withdraw my consent at any time, without giving a reason, through the link in every message or by writing to ${c.dpoEmail}. ` +
      `I have the rights of access, rectification, erasure, restriction and portability, and I can lodge a complaint with the CNIL, the French data protection authority.`,
    event_participation: (c) =>
      `I agree that ${c.name}, the data controller, records my participation in this initiative, which reveals a political opinion: ` +
      `I explicitly consent to my name, email address and postcode being shared with its organizers to send me the details and tell me about any change. ` +
      `This data is deleted one year after the initiative. I can withdraw my consent at any time by cancelling my participation or by writing to ${c.dpoEmail}.`,
    news: (c) =>
      `I agree to receive news from ${c.name} and my local section by email: initiatives near me, campaigns, invitations. ` +
      `I can unsubscribe at any time through the link in every message or by writing to ${c.dpoEmail}.`,
    public_activity: (c) =>
      `I agree that my first name and town may appear in the public activity feed of ${c.name}, for example "Marie, Lyon 3e, joined the section". ` +
      `Nothing else about me is published there. I can withdraw this agreement at any time; the mention then disappears from the feed. Contact: ${c.dpoEmail}.`,
  },
}
