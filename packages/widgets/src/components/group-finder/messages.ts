import type { Messages } from '../../i18n/common.js'

export const messages: Messages<
  | 'form'
  | 'search'
  | 'searchHint'
  | 'searchMissing'
  | 'searchPostcode'
  | 'noCommune'
  | 'submit'
  | 'choose'
  | 'sectionsNear'
  | 'found'
  | 'empty'
  | 'thematic'
  | 'section'
  | 'thematicKind'
  | 'covers'
  | 'distance'
  | 'join'
  | 'joinDirectly'
> = {
  fr: {
    form: 'Trouver ma section',
    search: 'Code postal ou commune',
    searchHint: 'Par exemple 75011 ou Lyon.',
    searchMissing: 'Entrez votre code postal ou le nom de votre commune.',
    searchPostcode: 'Un code postal a cinq chiffres, par exemple 75011.',
    noCommune: 'Aucune commune ne commence par « {q} ». Vérifiez l’orthographe ou entrez votre code postal.',
    submit: 'Rechercher',
    choose: 'Plusieurs communes correspondent à « {q} » : choisissez la vôtre.',
    sectionsNear: 'Sections près de {place}',
    found: 'Sections trouvées près de {postcode} : {n}.',
    empty:
      "Aucune section près de {postcode} pour l'instant. Rejoignez un groupe thématique ci-dessous, ou adhérez " +
      'directement : vous pourrez lancer la première section de votre secteur.',
    thematic: 'Groupes thématiques',
    section: 'Section locale',
    thematicKind: 'Groupe thématique',
    covers: 'Couvre votre code postal',
    distance: 'à {km} km',
    join: 'Rejoindre',
    joinDirectly: 'Adhérer',
  },
  en: {
    form: 'Find my section',
    search: 'Postcode or town',
    searchHint: 'Such as 75011 or Lyon.',
    searchMissing: 'Enter your postcode or the name of your town.',
    searchPostcode: 'A French postcode has five digits, such as 75011.',
    noCommune: 'No town starts with “{q}”. Check the spelling or enter your postcode.',
    submit: 'Search',
    choose: 'Several towns match “{q}”: choose yours.',
    sectionsNear: 'Sections near {place}',
    found: 'Sections found near {postcode}: {n}.',
    empty:
      'No section near {postcode} yet. Join a thematic group below, or join the movement directly: you could start ' +
      'the first section in your area.',
    thematic: 'Thematic groups',
    section: 'Local section',
    thematicKind: 'Thematic group',
    covers: 'Covers your postcode',
    distance: '{km} km away',
    join: 'Join',
    joinDirectly: 'Join the movement',
  },
}
