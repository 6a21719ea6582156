/**
 * The territory of the demo: real departments, communes (or arrondissements) and postcodes, so
 * that "near 69003" or a search for "Villeurbanne" finds something. Coordinates are not kept
 * here: they come from the places table, the same one the API answers `near` with.
 */

export interface SectionArea {
  /** How members and titles name the place: "Lyon 3e", "Villeurbanne". */
  commune: string
  postcodes: readonly string[]
  /** Neighbourhoods, for canvassing and leafleting titles. */
  quartiers: readonly string[]
  market: string
  /** Relative share of members, roughly following population. */
  weight: number
}

export interface FederationArea {
  department: string
  /** Completes "Fédération …": "de Paris", "du Rhône", "de l'Isère". */
  of: string
  /** Where federation-wide initiatives happen. */
  city: string
  sections: readonly SectionArea[]
}

const section = (
  commune: string,
  postcodes: string[],
  quartiers: string[],
  market: string,
  weight = 2,
): SectionArea => ({ commune, postcodes, quartiers, market, weight })

export const federationAreas: readonly FederationArea[] = [
  {
    department: '75',
    of: 'de Paris',
    city: 'Paris',
    sections: [
      section(
        'Paris 11e',
        ['75011'],
        ['Oberkampf', 'La Bastille', 'Charonne', 'La Folie-Méricourt'],
        'marché Richard-Lenoir',
        5,
      ),
      section(
        'Paris 18e',
        ['75018'],
        ["La Goutte-d'Or", 'Montmartre', 'La Chapelle', 'Clignancourt'],
        'marché Ornano',
        5,
      ),
      section(
        'Paris 20e',
        ['75020'],
        ['Belleville', 'Ménilmontant', 'Saint-Fargeau', 'Gambetta'],
        'marché de Belleville',
        5,
      ),
      section(
        'Paris 19e',
        ['75019'],
        ['Les Buttes-Chaumont', 'La Villette', 'Flandre', 'Danube'],
        'marché de Joinville',
        4,
      ),
      section(
        'Paris 13e',
        ['75013'],
        ['La Butte-aux-Cailles', 'Les Olympiades', 'Maison-Blanche', 'Paris Rive Gauche'],
        'marché Auguste-Blanqui',
        4,
      ),
      section('Paris 5e', ['75005'], ['Mouffetard', 'Le Jardin des Plantes', 'Le Val-de-Grâce'], 'marché Maubert', 2),
    ],
  },
  {
    department: '69',
    of: 'du Rhône',
    city: 'Lyon',
    sections: [
      section('Lyon 3e', ['69003'], ['La Part-Dieu', 'Montchat', 'Sans-Souci', 'La Villette'], 'marché Saxe', 4),
      section('Lyon 4e', ['69004'], ['La Croix-Rousse', 'Saint-Clair', 'Serin'], 'marché de la Croix-Rousse', 3),
      section('Lyon 7e', ['69007'], ['La Guillotière', 'Gerland', 'Jean-Macé'], 'marché Jean-Macé', 4),
      section('Lyon 8e', ['69008'], ['Monplaisir', 'Les États-Unis', 'Mermoz'], 'marché de Monplaisir', 3),
      section(
        'Villeurbanne',
        ['69100'],
        ['Les Gratte-Ciel', 'Les Charpennes', 'Cusset', 'Croix-Luizet'],
        'marché de la place Grandclément',
        4,
      ),
      section('Vénissieux', ['69200'], ['Les Minguettes', 'Parilly', 'Moulin-à-Vent'], 'marché des Minguettes', 2),
    ],
  },
  {
    department: '13',
    of: 'des Bouches-du-Rhône',
    city: 'Marseille',
    sections: [
      section('Marseille 1er', ['13001'], ['Belsunce', 'Noailles', 'La Canebière'], 'marché des Capucins', 4),
      section(
        'Marseille 3e',
        ['13003'],
        ['La Belle de Mai', 'Saint-Lazare', 'Saint-Mauront'],
        'marché de la Belle de Mai',
        3,
      ),
      section('Marseille 6e', ['13006'], ['Castellane', 'Notre-Dame-du-Mont', 'Vauban'], 'marché de la Plaine', 3),
      section(
        'Aix-en-Provence',
        ['13090', '13100'],
        ['Le Jas de Bouffan', 'Encagnane', 'Le Centre ancien'],
        'marché de la place Richelme',
        3,
      ),
      section('Arles', ['13200'], ['Trinquetaille', 'Griffeuille', 'La Roquette'], 'marché du boulevard des Lices', 1),
    ],
  },
  {
    department: '33',
    of: 'de la Gironde',
    city: 'Bordeaux',
    sections: [
      section(
        'Bordeaux',
        ['33000', '33100', '33200', '33300', '33800'],
        ['Les Chartrons', 'Saint-Michel', 'La Bastide', 'Bacalan', 'Saint-Augustin'],
        'marché des Capucins',
        6,
      ),
      section('Pessac', ['33600'], ['Saige', "L'Alouette", 'Le Bourg'], 'marché de Pessac', 2),
      section('Mérignac', ['33700'], ['Arlac', 'Capeyron', 'Beutre'], 'marché de Mérignac', 2),
      section('Bègles', ['33130'], ['Terres Neuves', 'Yves-Farge', 'La Raze'], 'marché de Bègles', 1),
    ],
  },
  {
    department: '31',
    of: 'de la Haute-Garonne',
    city: 'Toulouse',
    sections: [
      section(
        'Toulouse',
        ['31000', '31100', '31200', '31300', '31400', '31500'],
        ['Le Capitole', 'Saint-Cyprien', 'Le Mirail', 'Les Minimes', 'Rangueil', 'Bonnefoy'],
        'marché Victor-Hugo',
        7,
      ),
      section('Colomiers', ['31770'], ["Le Val d'Aran", 'Le Perget', 'En Jacca'], 'marché de Colomiers', 2),
      section('Blagnac', ['31700'], ['Andromède', 'Grand Noble', 'Les Barradels'], 'marché de Blagnac', 1),
      section('Muret', ['31600'], ['Le Centre-ville', 'Saint-Jean', 'Ox'], 'marché de Muret', 1),
    ],
  },
  {
    department: '59',
    of: 'du Nord',
    city: 'Lille',
    sections: [
      section(
        'Lille',
        ['59000', '59800'],
        ['Wazemmes', 'Fives', 'Moulins', 'Le Vieux-Lille', 'Lille-Sud'],
        'marché de Wazemmes',
        6,
      ),
      section('Roubaix', ['59100'], ["L'Épeule", "L'Alma", 'Le Pile', "L'Hommelet"], 'marché de Roubaix', 3),
      section('Tourcoing', ['59200'], ['La Bourgogne', 'Le Blanc-Seau', 'Le Virolois'], 'marché de Tourcoing', 2),
      section("Villeneuve-d'Ascq", ['59650'], ['Pont-de-Bois', 'Triolo', 'Flers'], 'marché de Flers', 2),
      section('Dunkerque', ['59140'], ['Malo-les-Bains', 'Rosendaël', 'Petite-Synthe'], 'marché de Dunkerque', 2),
    ],
  },
  {
    department: '44',
    of: 'de la Loire-Atlantique',
    city: 'Nantes',
    sections: [
      section(
        'Nantes',
        ['44000', '44100', '44200', '44300'],
        ['Le Bouffay', 'Malakoff', 'Chantenay', "L'Île de Nantes", 'Doulon', 'Les Dervallières'],
        'marché de Talensac',
        6,
      ),
      section(
        'Saint-Nazaire',
        ['44600'],
        ['Penhoët', 'Le Centre-ville', 'Le Petit-Caporal'],
        'marché de Saint-Nazaire',
        2,
      ),
      section('Rezé', ['44400'], ['Trentemoult', 'Le Château', 'Pont-Rousseau'], 'marché de Rezé', 2),
      section('Saint-Herblain', ['44800'], ['Bellevue', 'Preux', 'Le Bourg'], 'marché de Saint-Herblain', 1),
    ],
  },
  {
    department: '67',
    of: 'du Bas-Rhin',
    city: 'Strasbourg',
    sections: [
      section(
        'Strasbourg',
        ['67000', '67100', '67200'],
        ['Neudorf', 'La Krutenau', 'Hautepierre', "L'Esplanade", 'Cronenbourg'],
        'marché de Neudorf',
        6,
      ),
      section('Schiltigheim', ['67300'], ['Le Centre-ville', 'Le Marais', 'La Vogelau'], 'marché de Schiltigheim', 2),
      section('Haguenau', ['67500'], ['Le Centre-ville', 'Musau', 'Les Pins'], 'marché de Haguenau', 1),
      section(
        'Illkirch-Graffenstaden',
        ['67400'],
        ['Libermann', 'Le Vieil Illkirch', 'Les Prairies du Canal'],
        "marché d'Illkirch",
        1,
      ),
    ],
  },
  {
    department: '34',
    of: "de l'Hérault",
    city: 'Montpellier',
    sections: [
      section(
        'Montpellier',
        ['34000', '34070', '34080', '34090'],
        ["L'Écusson", 'Antigone', 'La Mosson', 'Port-Marianne', 'Les Beaux-Arts'],
        'marché des Arceaux',
        6,
      ),
      section('Béziers', ['34500'], ['La Devèze', 'Le Centre-ville', "L'Iranget"], 'marché des Halles de Béziers', 2),
      section('Sète', ['34200'], ['Le Barrou', "L'Île de Thau", 'La Corniche'], 'marché des Halles de Sète', 2),
    ],
  },
  {
    department: '35',
    of: "d'Ille-et-Vilaine",
    city: 'Rennes',
    sections: [
      section(
        'Rennes',
        ['35000', '35200', '35700'],
        ['Villejean', 'Maurepas', 'Le Blosne', 'Le Thabor', 'Bréquigny'],
        'marché des Lices',
        6,
      ),
      section('Saint-Malo', ['35400'], ["L'Intra-muros", 'Paramé', 'Saint-Servan'], 'marché de Saint-Servan', 2),
      section('Fougères', ['35300'], ['Le Centre-ville', 'Bonabry', 'La Forairie'], 'marché de Fougères', 1),
      section('Vitré', ['35500'], ['Le Centre-ville', 'Maison Rouge', 'Le Quartier de la gare'], 'marché de Vitré', 1),
    ],
  },
  {
    department: '06',
    of: 'des Alpes-Maritimes',
    city: 'Nice',
    sections: [
      section(
        'Nice',
        ['06000', '06100', '06200', '06300'],
        ['Le Vieux-Nice', 'La Libération', "L'Ariane", 'Riquier', 'Saint-Roch'],
        'marché du cours Saleya',
        6,
      ),
      section('Cannes', ['06400'], ['La Bocca', 'Le Suquet', 'Prado-République'], 'marché Forville', 2),
      section(
        'Antibes',
        ['06600'],
        ['Juan-les-Pins', 'Le Vieil Antibes', 'La Fontonne'],
        "marché provençal d'Antibes",
        2,
      ),
      section('Grasse', ['06130'], ['Le Centre historique', 'Saint-Claude', 'Plascassier'], 'marché de Grasse', 1),
    ],
  },
  {
    department: '38',
    of: "de l'Isère",
    city: 'Grenoble',
    sections: [
      section(
        'Grenoble',
        ['38000', '38100'],
        ['Berriat', 'La Villeneuve', "L'Île Verte", 'Championnet', 'Saint-Bruno'],
        "marché de l'Estacade",
        5,
      ),
      section(
        "Saint-Martin-d'Hères",
        ['38400'],
        ['La Renaudie', 'La Croix-Rouge', 'Le Village'],
        "marché de Saint-Martin-d'Hères",
        2,
      ),
      section('Échirolles', ['38130'], ['Le Village Sud', 'Les Essarts', 'Surieux'], "marché d'Échirolles", 2),
      section('Vienne', ['38200'], ['Estressin', 'Le Centre-ville', 'Malissol'], 'marché de Vienne', 1),
      section('Voiron', ['38500'], ['Le Centre-ville', 'La Brunetière', 'Criel'], 'marché de Voiron', 1),
    ],
  },
]
