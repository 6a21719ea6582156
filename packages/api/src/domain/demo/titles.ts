import type { InitiativeKind } from '../../db/types.js'
import { atPlace, ofPlace, quartierName } from './french.js'
import type { Random } from './random.js'
import { kebabCase } from './slug.js'
import type { Tag } from './topics.js'

/** What a title may mention, all in the place where the initiative happens. */
export interface WordingContext {
  commune: string
  quartier: string
  market: string
  /** "de la section Lyon 3e", "du groupe Santé": completes "Assemblée générale …". */
  ofGroup: string
  tag: Tag
  /** A phrase about the tag: "la santé de proximité". */
  topic: string
  /** Host of the organization's site, for links in descriptions. */
  siteHost: string
}

export interface InitiativeWording {
  title: string
  summary: string
  description: string
  /** The location name the title calls for, if any; otherwise the venue is the kind's usual one. */
  location?: string
}

/** `location` names the place when the title implies one (a market, a neighbourhood). */
type Template = (c: WordingContext) => { title: string; summary: string; location?: string }

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const titles: Record<InitiativeKind, readonly Template[]> = {
  meeting: [
    (c) => ({
      title: `Réunion publique : ${c.topic}`,
      summary: `Débat ouvert à tous ${atPlace(c.commune)}, avec habitants, professionnels et élus.`,
    }),
    (c) => ({
      title: `Café-débat ${atPlace(c.commune)} : ${c.topic}`,
      summary: "Une discussion simple autour d'un café, sans estrade ni micro.",
    }),
    (c) => ({
      title: `Assemblée générale ${c.ofGroup}`,
      summary: 'Bilan des actions, projets des prochains mois et élection du bureau.',
    }),
    (c) => ({
      title: `Accueil des nouveaux adhérents ${c.ofGroup}`,
      summary: 'Faire connaissance, découvrir comment agir et trouver sa place.',
    }),
    (c) => ({
      title: `Conférence-débat : ${c.topic}`,
      summary: `Deux intervenants, puis la parole à la salle, ${atPlace(c.commune)}.`,
    }),
  ],
  canvassing: [
    (c) => ({
      location: `Quartier ${quartierName(c.quartier)}`,
      title: `Porte-à-porte quartier ${quartierName(c.quartier)}`,
      summary: `En binômes, à la rencontre des habitants ${ofPlace(c.quartier)}. Débutants bienvenus.`,
    }),
    (c) => ({
      title: `Porte-à-porte ${atPlace(c.commune)} : ${c.topic}`,
      summary: 'Écouter les habitants et présenter nos propositions, porte après porte.',
    }),
    (c) => ({
      location: `Quartier ${quartierName(c.quartier)}`,
      title: `Grande journée de porte-à-porte ${atPlace(c.quartier)}`,
      summary: 'Formation express au départ, puis on frappe aux portes ensemble.',
    }),
  ],
  leafleting: [
    (c) => ({
      location: capitalize(c.market),
      title: `Tractage au ${c.market}`,
      summary: `Distribution du tract sur ${c.topic} et discussions avec les passants.`,
    }),
    (c) => ({
      location: `Quartier ${quartierName(c.quartier)}`,
      title: `Tractage ${atPlace(c.quartier)} : ${c.topic}`,
      summary: 'Une heure de tractage, le matériel est fourni.',
    }),
    (c) => ({
      location: `Quartier ${quartierName(c.quartier)}`,
      title: `Distribution du journal de section ${atPlace(c.quartier)}`,
      summary: 'Le nouveau numéro du journal, à distribuer dans les boîtes et de la main à la main.',
    }),
  ],
  phone_bank: [
    () => ({
      title: 'Phoning pour les législatives',
      summary: "Appeler les sympathisants pour les inviter à s'engager près de chez eux.",
    }),
    (c) => ({
      title: `Soirée phoning ${c.ofGroup}`,
      summary: 'Argumentaire fourni, formation de quinze minutes, ambiance conviviale.',
    }),
    (c) => ({
      title: `Phoning : appelons les sympathisants ${ofPlace(c.commune)}`,
      summary: "Chaque appel compte : venez avec votre téléphone, on s'occupe du reste.",
    }),
  ],
  rally: [
    (c) => ({
      title: `Meeting régional ${atPlace(c.commune)}`,
      summary: 'Prises de parole, témoignages et lancement de la campagne de terrain.',
    }),
    (c) => ({
      title: `Grand meeting ${atPlace(c.commune)} : ${c.topic}`,
      summary: 'Un grand rendez-vous pour rassembler adhérents et sympathisants.',
    }),
    (c) => ({
      title: `Rassemblement pour ${c.topic}`,
      summary: `Rassemblement pacifique ${atPlace(c.commune)}, ouvert à toutes et à tous.`,
    }),
  ],
  online: [
    () => ({
      title: 'Atelier en ligne : organiser sa section',
      summary: 'Réunions, répartition des rôles, outils : les bases pour faire vivre une section.',
    }),
    () => ({
      title: 'Formation en ligne : réussir son porte-à-porte',
      summary: 'Préparer un quartier, engager la conversation, faire remonter les retours.',
    }),
    (c) => ({
      title: `Webinaire : ${c.topic}`,
      summary: 'Une heure pour comprendre le sujet et nos propositions, questions en direct.',
    }),
    () => ({
      title: "Visio d'accueil des nouveaux adhérents",
      summary: "Découvrir le mouvement, ses groupes et les façons d'agir près de chez soi.",
    }),
    () => ({
      title: 'Atelier en ligne : animer les réseaux sociaux de sa section',
      summary: 'Publier utile, répondre aux commentaires, relayer les initiatives.',
    }),
  ],
  other: [
    (c) => ({
      location: `Quartier ${quartierName(c.quartier)}`,
      title: `Nettoyage citoyen ${atPlace(c.quartier)}`,
      summary: 'Gants et sacs fournis : on rend le quartier plus agréable, ensemble.',
    }),
    (c) => ({
      location: 'Parc municipal',
      title: `Pique-nique militant ${atPlace(c.commune)}`,
      summary: 'Chacun apporte un plat à partager. Enfants bienvenus.',
    }),
    (c) => ({
      location: 'Forum des associations',
      title: `Stand au forum des associations ${ofPlace(c.commune)}`,
      summary: 'Tenir le stand, accueillir les curieux, présenter nos groupes.',
    }),
    (c) => ({
      location: 'Cinéma associatif Le Rex',
      title: `Projection-débat : ${c.topic}`,
      summary: 'Un documentaire, puis une discussion avec la salle.',
    }),
    (c) => ({
      location: `Centre social ${quartierName(c.quartier)}`,
      title: `Collecte solidaire ${atPlace(c.quartier)}`,
      summary: "Collecte de produits d'hygiène et de fournitures scolaires pour les associations du quartier.",
    }),
  ],
}

/** Two sentences or so per kind: what happens, then the practical side. */
const bodies: Record<InitiativeKind, readonly ((c: WordingContext) => string)[]> = {
  meeting: [
    (c) =>
      `Un temps d'échange ouvert à toutes et à tous sur ${c.topic}. Nous partirons des situations vécues ${atPlace(c.commune)} avant de présenter nos propositions.`,
    () =>
      'Des habitants, des professionnels et des élus locaux viendront témoigner, puis la parole sera à la salle. Adhérents, sympathisants ou simples curieux : venez avec vos questions.',
  ],
  canvassing: [
    (c) =>
      `Nous irons à la rencontre des habitants ${ofPlace(c.quartier)}, en binômes, pour écouter leurs préoccupations et présenter nos propositions sur ${c.topic}.`,
    () =>
      'Une courte formation est prévue au départ : personne ne part seul et les débutants sont les bienvenus. Prévoyez de bonnes chaussures et un téléphone chargé.',
  ],
  leafleting: [
    (c) => `Distribution de notre tract sur ${c.topic} et discussions avec les passants.`,
    () => 'Une heure suffit pour être utile : venez quand vous pouvez, le matériel est fourni sur place.',
  ],
  phone_bank: [
    () =>
      'Nous appellerons les sympathisants qui nous ont laissé leur numéro pour les inviter à rejoindre une initiative près de chez eux.',
    () =>
      'Un argumentaire et une formation de quinze minutes sont prévus. Apportez votre téléphone et, si vous en avez un, un casque.',
  ],
  rally: [
    (c) =>
      `Un grand rendez-vous pour rassembler adhérents et sympathisants, avec des prises de parole d'élus, de militants et d'habitants ${ofPlace(c.commune)}.`,
    () =>
      'Accueil à partir de trente minutes avant le début. Le lieu est accessible aux personnes à mobilité réduite ; signalez-nous tout besoin particulier.',
  ],
  online: [
    () =>
      'Une séance en visioconférence, ouverte à tous les adhérents, avec des exemples concrets et du temps pour les questions.',
    () =>
      'Le lien de connexion est aussi envoyé aux inscrits la veille. La séance est enregistrée pour celles et ceux qui ne peuvent pas venir.',
  ],
  other: [
    () => 'Un moment convivial pour se retrouver entre adhérents et faire connaissance avec les habitants.',
    () => 'Venez avec vos proches : il y a de la place pour tout le monde, et de quoi faire pour chacun.',
  ],
}

const links: readonly ((c: WordingContext) => string)[] = [
  (c) => `Nos propositions : https://${c.siteHost}/propositions/${kebabCase(c.tag)}`,
  (c) => `Pour préparer l'initiative : https://${c.siteHost}/guides/${kebabCase(c.tag)}`,
  (c) => `Toutes les initiatives près de chez vous : https://${c.siteHost}/agir`,
]

export function initiativeWording(kind: InitiativeKind, context: WordingContext, random: Random): InitiativeWording {
  const wording = random.pick(titles[kind])(context)
  const paragraphs = bodies[kind].map((body) => body(context))
  if (random.chance(0.5)) paragraphs.push(random.pick(links)(context))
  return { ...wording, description: paragraphs.join('\n\n') }
}
