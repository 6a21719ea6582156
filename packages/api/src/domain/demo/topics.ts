/** The tags initiatives are filed under: a small French vocabulary, as an organizer would pick. */
export const tagVocabulary = [
  'santé',
  'écologie',
  'logement',
  'transports',
  'jeunesse',
  'emploi',
  'numérique',
  'éducation',
  'sécurité',
  'culture',
] as const

export type Tag = (typeof tagVocabulary)[number]

/** What a debate or a leaflet is about, phrased to follow "Réunion publique : …". */
export const topicPhrases: Record<Tag, readonly string[]> = {
  santé: ['la santé de proximité', "l'accès aux soins", 'les déserts médicaux', "l'hôpital public"],
  écologie: ['la transition écologique', 'le climat dans nos quartiers', 'la rénovation thermique des logements'],
  logement: ['le logement pour tous', 'les loyers et le logement étudiant', 'la rénovation des copropriétés'],
  transports: ['les transports du quotidien', 'le vélo en ville', 'les trains du quotidien'],
  jeunesse: ["l'engagement des jeunes", 'la place des jeunes dans la ville'],
  emploi: ['le travail et les salaires', "l'emploi local", "l'avenir de l'industrie"],
  numérique: ["l'inclusion numérique", "le numérique à l'école", 'les services publics en ligne'],
  éducation: ["l'école de la République", "les moyens de l'école publique", 'la réussite de tous les élèves'],
  sécurité: ['la sécurité du quotidien', 'la tranquillité publique', 'la police de proximité'],
  culture: ['la culture partout et pour tous', "l'éducation populaire", 'les bibliothèques ouvertes le dimanche'],
}

export interface Theme {
  name: string
  tag: Tag
  description: string
}

/** The thematic groups: where members work on the programme, whatever their town. */
export const themes: readonly Theme[] = [
  {
    name: 'Écologie',
    tag: 'écologie',
    description:
      "Le groupe thématique Écologie prépare nos propositions sur le climat, l'énergie et la biodiversité, et les met à l'épreuve du terrain avec les sections.",
  },
  {
    name: 'Santé',
    tag: 'santé',
    description:
      "Soignants, patients, élus : le groupe Santé travaille sur l'accès aux soins, les déserts médicaux et l'hôpital public.",
  },
  {
    name: 'Numérique',
    tag: 'numérique',
    description:
      "Le groupe Numérique réfléchit à l'inclusion numérique, aux services publics en ligne et aux libertés sur internet. Il forme aussi les sections aux outils.",
  },
  {
    name: 'Éducation',
    tag: 'éducation',
    description:
      "Enseignants, parents d'élèves et étudiants construisent ici nos propositions pour l'école publique, de la maternelle à l'université.",
  },
  {
    name: 'Travail et emploi',
    tag: 'emploi',
    description:
      "Salaires, conditions de travail, formation, réindustrialisation : le groupe Travail et emploi rassemble syndicalistes, salariés et chefs d'entreprise.",
  },
]
