/**
 * Kinds of establishment the demo draws from: legal category, NAF rév. 2 code, headcount
 * bracket mix and name patterns, by family. Weights follow the published shape of the ESS
 * in QPV (associations ≈ 85–89 % of ESS establishments, then coopératives, mutuelles,
 * fondations; action sociale and sports lead) and an ordinary urban mix for the rest.
 * Every name is invented; tokens in braces are filled by names.ts.
 */

/** Relative weights of SIRENE headcount brackets. */
export type TrancheMix = readonly (readonly [string, number])[];

export const TRANCHES = {
  /** Shops, crafts, sole traders: mostly non-employers. */
  micro: [['NN', 55], ['00', 7], ['01', 22], ['02', 10], ['03', 4], ['11', 1.5], ['12', 0.5]],
  /** Ordinary companies. */
  company: [['NN', 22], ['00', 9], ['01', 26], ['02', 19], ['03', 12], ['11', 8], ['12', 3.5], ['21', 0.4], ['22', 0.1]],
  /** Sports, culture, residents' associations: volunteers, a few employees. */
  assoLight: [['NN', 58], ['00', 6], ['01', 19], ['02', 8], ['03', 5], ['11', 2.5], ['12', 1.2], ['21', 0.3]],
  /** Social action, integration, health: the large ESS employers of the quartiers. */
  assoSocial: [['NN', 14], ['00', 4], ['01', 20], ['02', 17], ['03', 15], ['11', 15], ['12', 9], ['21', 2.5], ['22', 0.8]],
  /** Coopératives, mutuelles, ESS companies. */
  essEnterprise: [['NN', 6], ['00', 4], ['01', 18], ['02', 22], ['03', 19], ['11', 16], ['12', 11], ['21', 3], ['22', 1]],
  /** Care homes and the like. */
  large: [['11', 25], ['12', 50], ['21', 18], ['22', 7]],
  /** Schools, clinics, warehouses: the large non-ESS employers. */
  bigEmployer: [['03', 5], ['11', 25], ['12', 45], ['21', 18], ['22', 7]],
  /** Sole traders without staff. */
  soleTrader: [['NN', 88], ['00', 4], ['01', 7], ['02', 1]],
} as const satisfies Record<string, TrancheMix>;

export interface Variant {
  naf: string;
  weight: number;
  names: readonly string[];
  /** Overrides the profile's legal categories (an association intermédiaire is 9222). */
  cj?: readonly (readonly [string, number])[];
  tranche?: TrancheMix;
  /** Overrides the profile's multiSite. */
  multiSite?: number;
}

export interface Profile {
  id: string;
  ess: boolean;
  weight: number;
  cj: readonly (readonly [string, number])[];
  tranche: TrancheMix;
  variants: readonly Variant[];
  /** Chance that a new establishment is one more site of an existing unit of the same variant. */
  multiSite?: number;
}

const ASSO: Profile['cj'] = [['9220', 97], ['9230', 3]];

export const ESS_PROFILES: readonly Profile[] = [
  { id: 'action-sociale', ess: true, weight: 16, cj: ASSO, tranche: TRANCHES.assoSocial, multiSite: 0.05, variants: [
    { naf: '88.99B', weight: 10, names: ['Association {epithete}', 'Centre social {epithete}', 'Épicerie solidaire {epithete}',
      'Épicerie solidaire {lieu}', "Association d'entraide {lieu}", 'Accueil de jour {epithete}',
      'Association de médiation sociale {lieu}', 'Association des femmes relais {lieu}', 'Maison des familles {lieu}'] },
    { naf: '88.99A', weight: 1, names: ["Association d'aide aux personnes handicapées {lieu}", 'Institut {epithete}'] },
    { naf: '88.10C', weight: 1, names: ['ESAT {epithete}', 'Atelier protégé {epithete}'], tranche: TRANCHES.large },
    { naf: '87.90B', weight: 1.2, names: ['Foyer {epithete}', 'Maison relais {epithete}', 'Pension de famille {epithete}'] },
    { naf: '87.30A', weight: 0.8, names: ['Résidence autonomie {epithete}'] },
  ] },
  { id: 'aide-domicile', ess: true, weight: 5, cj: ASSO, tranche: TRANCHES.assoSocial, multiSite: 0.2, variants: [
    { naf: '88.10A', weight: 3, names: ['Aide à domicile {lieu}', 'Association {epithete} Services à la personne'] },
    { naf: '88.10B', weight: 1, names: ["Service d'accompagnement {epithete}"] },
  ] },
  { id: 'petite-enfance', ess: true, weight: 4, cj: ASSO, tranche: TRANCHES.assoSocial, variants: [
    { naf: '88.91A', weight: 2, names: ['Crèche parentale {epithete}', 'Halte-garderie {epithete}'] },
    { naf: '88.91B', weight: 2, names: ['Accueil de loisirs {epithete}', 'Ludothèque {epithete}', 'Lieu d\'accueil enfants-parents {epithete}'] },
  ] },
  { id: 'insertion', ess: true, weight: 6, cj: ASSO, tranche: TRANCHES.assoSocial, variants: [
    { naf: '81.30Z', weight: 2, names: ["Chantier d'insertion {epithete}", "Jardins d'insertion {lieu}"] },
    { naf: '38.32Z', weight: 2, names: ['Recyclerie {epithete}', 'Ressourcerie {lieu}'] },
    { naf: '45.20A', weight: 1, names: ['Garage solidaire {lieu}'] },
    { naf: '47.79Z', weight: 1, names: ['Boutique solidaire {epithete}', 'Vestiboutique {lieu}'] },
    { naf: '78.30Z', weight: 1, names: ['Association intermédiaire {epithete}'], cj: [['9222', 1]] },
    { naf: '85.53Z', weight: 0.5, names: ['Auto-école sociale {epithete}'] },
    { naf: '95.29Z', weight: 0.7, names: ['Atelier vélo {epithete}', 'Repair café {lieu}'], tranche: TRANCHES.assoLight },
  ] },
  { id: 'sport', ess: true, weight: 13, cj: ASSO, tranche: TRANCHES.assoLight, variants: [
    { naf: '93.12Z', weight: 5, names: ['Union sportive {lieu}', 'Football club {lieu}', 'Judo club {lieu}', 'Boxing club {lieu}',
      'Association sportive {lieu}', 'Basket club {lieu}', 'Tennis de table {lieu}', 'Gymnastique volontaire {lieu}',
      'Club de natation {lieu}', 'Cercle d\'escrime {lieu}'] },
    { naf: '93.29Z', weight: 1, names: ['Comité des fêtes {lieu}', 'Club de loisirs {epithete}'] },
  ] },
  { id: 'culture', ess: true, weight: 7, cj: ASSO, tranche: TRANCHES.assoLight, variants: [
    { naf: '90.01Z', weight: 3, names: ['Compagnie {epithete}', 'Théâtre {epithete}', 'Ensemble vocal {lieu}'] },
    { naf: '90.02Z', weight: 1, names: ['Festival {epithete}', 'Collectif {epithete}'] },
    { naf: '85.52Z', weight: 1.5, names: ['École de musique {lieu}', 'Atelier danse {epithete}'] },
    { naf: '59.14Z', weight: 0.5, names: ['Ciné-club {epithete}'] },
    { naf: '91.01Z', weight: 0.5, names: ['Bibliothèque associative {epithete}'] },
  ] },
  { id: 'education', ess: true, weight: 5, cj: ASSO, tranche: TRANCHES.assoSocial, variants: [
    { naf: '85.59A', weight: 2, names: ['Formation {epithete}', 'Centre de formation {lieu}'] },
    { naf: '85.59B', weight: 2, names: ['Soutien scolaire {epithete}', 'Ateliers sociolinguistiques {lieu}', 'Alphabétisation {epithete}'] },
  ] },
  { id: 'vie-locale', ess: true, weight: 15, cj: ASSO, tranche: TRANCHES.assoLight, variants: [
    { naf: '94.99Z', weight: 10, names: ['Amicale des locataires {lieu}', 'Association des habitants {lieu}', 'Comité de quartier {lieu}',
      'Les Amis {lieu}', 'Association culturelle {epithete}', 'Tiers-lieu {epithete}', 'Café associatif {epithete}',
      'Association Les Jardins Partagés {lieu}', 'Association {epithete}', 'Maison des jeunes et de la culture {lieu}',
      "Association des parents d'élèves {lieu}", 'Association "{epithete}"'] },
  ] },
  { id: 'sante', ess: true, weight: 1.5, cj: ASSO, tranche: TRANCHES.assoSocial, variants: [
    { naf: '86.90D', weight: 1, names: ['Centre de soins infirmiers {lieu}'] },
    { naf: '86.21Z', weight: 1, names: ['Centre de santé {epithete}'] },
  ] },
  { id: 'cooperative', ess: true, weight: 5.8, cj: [['5458', 55], ['5460', 30], ['5560', 10], ['6317', 5]], tranche: TRANCHES.essEnterprise, variants: [
    { naf: '43.39Z', weight: 2, names: ['SCOP {coop}'], cj: [['5458', 1]] },
    { naf: '43.34Z', weight: 1, names: ['SCOP {coop}'], cj: [['5458', 1]] },
    { naf: '43.21A', weight: 1, names: ['SCOP {coop}'], cj: [['5458', 1]] },
    { naf: '18.12Z', weight: 0.5, names: ['Imprimerie coopérative {lieu}'], cj: [['5458', 1]] },
    { naf: '71.12B', weight: 0.7, names: ['SCOP {coop} Ingénierie'], cj: [['5458', 1]] },
    { naf: '62.01Z', weight: 0.6, names: ['SCOP {coop} Numérique'], cj: [['5458', 1]] },
    { naf: '56.10A', weight: 0.8, names: ['SCIC Restaurant {epithete}', 'Cantine coopérative {lieu}'], cj: [['5460', 1]] },
    { naf: '47.11B', weight: 0.8, names: ['Épicerie coopérative {epithete}'], cj: [['5460', 1]] },
    { naf: '70.22Z', weight: 0.6, names: ["Coopérative d'activité et d'emploi {epithete}"], cj: [['5460', 1]] },
    { naf: '35.11Z', weight: 0.3, names: ['SCIC Énergies citoyennes {lieu}'], cj: [['5460', 1]] },
    { naf: '64.19Z', weight: 0.6, names: ['Caisse de crédit coopératif {lieu}'], cj: [['5560', 1]] },
    { naf: '46.21Z', weight: 0.2, names: ['Coopérative agricole {lieu}'], cj: [['6317', 1]] },
  ] },
  { id: 'mutuelle', ess: true, weight: 2.8, cj: [['8210', 85], ['6411', 15]], tranche: TRANCHES.essEnterprise, multiSite: 0.3, variants: [
    { naf: '65.12Z', weight: 3, names: ['Mutuelle {mutuelle}', "Mutuelle d'assurance {mutuelle}"] },
    { naf: '86.23Z', weight: 1, names: ['Centre dentaire mutualiste {lieu}'], cj: [['8210', 1]] },
    { naf: '47.78A', weight: 1, names: ['Optique mutualiste {lieu}'], cj: [['8210', 1]] },
    { naf: '86.21Z', weight: 0.7, names: ['Centre de santé mutualiste {lieu}'], cj: [['8210', 1]] },
  ] },
  { id: 'fondation', ess: true, weight: 1.7, cj: [['9300', 1]], tranche: TRANCHES.essEnterprise, multiSite: 0.3, variants: [
    { naf: '87.10A', weight: 1, names: ['Fondation {fondation}'], tranche: TRANCHES.large },
    { naf: '88.10C', weight: 1, names: ['Fondation {fondation}'] },
    { naf: '88.99B', weight: 1, names: ['Fondation {fondation}'] },
    { naf: '85.59A', weight: 0.5, names: ['Fondation {fondation}'] },
  ] },
  { id: 'societe-ess', ess: true, weight: 2.7, cj: [['5710', 70], ['5499', 30]], tranche: TRANCHES.essEnterprise, variants: [
    { naf: '81.21Z', weight: 2, names: ["Entreprise d'insertion {epithete} Propreté", '{epithete} Services'] },
    { naf: '38.32Z', weight: 1, names: ['Atelier {epithete} Réemploi'] },
    { naf: '56.29A', weight: 1, names: ['Traiteur solidaire {epithete}'] },
    { naf: '49.39B', weight: 0.5, names: ['Mobilité solidaire {lieu}'] },
    { naf: '70.22Z', weight: 0.5, names: ['{epithete} Conseil'] },
  ] },
];

const SHOP: Profile['cj'] = [['1000', 35], ['5499', 45], ['5710', 20]];
const FIRM: Profile['cj'] = [['5710', 60], ['5499', 40]];

export const OTHER_PROFILES: readonly Profile[] = [
  { id: 'alimentation', ess: false, weight: 10, cj: SHOP, tranche: TRANCHES.micro, variants: [
    { naf: '47.11B', weight: 3, names: ['Alimentation {nom}', 'Épicerie {nom}', 'Supérette {lieu}'] },
    { naf: '47.11D', weight: 0.6, names: ['Supermarché {lieu}', 'Marché {nom}'], tranche: TRANCHES.bigEmployer, cj: [['5710', 1]] },
    { naf: '10.71C', weight: 2.5, names: ['Boulangerie {nom}', 'Le Fournil {lieu}', 'Boulangerie-Pâtisserie {nom}'] },
    { naf: '47.22Z', weight: 1, names: ['Boucherie {nom}', 'Boucherie {nom}, Fils et Cie'] },
    { naf: '47.26Z', weight: 0.8, names: ['Tabac-presse {lieu}', 'Tabac {nom}'] },
  ] },
  { id: 'pharmacie', ess: false, weight: 2, cj: [['5485', 50], ['5202', 30], ['5710', 20]], tranche: TRANCHES.company, variants: [
    { naf: '47.73Z', weight: 1, names: ['Pharmacie {lieu}', 'Pharmacie {nom}'] },
  ] },
  { id: 'restauration', ess: false, weight: 13, cj: SHOP, tranche: TRANCHES.micro, variants: [
    { naf: '56.10A', weight: 3, names: ['Restaurant {nom}', 'Le Bistrot {lieu}', 'Brasserie {lieu}', 'Chez {nom}', 'Restaurant {epithete}'] },
    { naf: '56.10C', weight: 3, names: ['Pizza {nom}', 'Snack {lieu}', '{nom} Kebab', 'Burger {nom}', 'Sandwicherie {lieu}'] },
    { naf: '56.30Z', weight: 1.5, names: ['Café {lieu}', 'Bar {lieu}', 'Café {nom}', 'Bar-PMU {lieu}'] },
    { naf: '55.10Z', weight: 0.4, names: ['Hôtel {lieu}'], tranche: TRANCHES.company },
  ] },
  { id: 'services', ess: false, weight: 14, cj: SHOP, tranche: TRANCHES.micro, variants: [
    { naf: '96.02A', weight: 3, names: ['Coiffure {nom}', 'Salon {nom}', 'Barbier {lieu}', 'Coiffure {epithete}'] },
    { naf: '45.20A', weight: 2, names: ['Garage {nom}', 'Auto Services {lieu}', 'Garage {nom} et Fils', 'Carrosserie {nom}'] },
    { naf: '85.53Z', weight: 0.7, names: ['Auto-école {lieu}', 'Auto-école {nom}'] },
    { naf: '47.71Z', weight: 1.5, names: ['Boutique {nom}', '{nom} Mode'] },
    { naf: '47.42Z', weight: 1, names: ['{nom} Téléphonie'] },
    { naf: '47.30Z', weight: 0.3, names: ['Station-service {lieu}'], cj: [['5710', 1]] },
  ] },
  { id: 'batiment', ess: false, weight: 9, cj: FIRM, tranche: TRANCHES.company, variants: [
    { naf: '43.22A', weight: 1, names: ['{nom} Plomberie', 'Plomberie {lieu}', '{nom} Chauffage Sanitaire'] },
    { naf: '43.21A', weight: 1, names: ['{nom} Électricité', 'Électricité Générale {nom}'] },
    { naf: '43.34Z', weight: 1, names: ['{nom} Peinture', 'Peinture et Décoration {nom}'] },
    { naf: '41.20A', weight: 1, names: ['{nom} Construction', 'Bâtiment {nom} et {nom}'] },
  ] },
  { id: 'immobilier', ess: false, weight: 8, cj: [['6540', 1]], tranche: TRANCHES.soleTrader, variants: [
    { naf: '68.20B', weight: 1, names: ['SCI {nom}', 'SCI {nom}-{nom}', 'SCI {nom} Frères'] },
  ] },
  { id: 'sante-liberale', ess: false, weight: 5, cj: [['5485', 60], ['5710', 40]], tranche: TRANCHES.company, variants: [
    { naf: '86.21Z', weight: 1, names: ['Cabinet médical {lieu}', 'Cabinet médical {nom}-{nom}', 'Maison médicale {lieu}'] },
    { naf: '86.23Z', weight: 1, names: ['Cabinet dentaire {lieu}', 'Cabinet dentaire {nom}', 'Centre dentaire {nom}-{nom}'] },
    { naf: '86.90E', weight: 1, names: ['Cabinet de kinésithérapie {lieu}', 'Kinésithérapie {nom}'] },
  ] },
  { id: 'entreprises', ess: false, weight: 12, cj: FIRM, tranche: TRANCHES.company, variants: [
    { naf: '69.20Z', weight: 1, names: ['Cabinet {nom} Expertise comptable'] },
    { naf: '49.41A', weight: 1, names: ['Transports {nom}'] },
    { naf: '62.02A', weight: 1, names: ['{nom} Informatique'] },
    { naf: '70.22Z', weight: 1, names: ['{nom} Conseil'] },
    { naf: '81.21Z', weight: 1, names: ['{nom} Nettoyage'] },
    { naf: '80.10Z', weight: 0.6, names: ['{nom} Sécurité'] },
    { naf: '46.90Z', weight: 1, names: ['Négoce {nom}'] },
    { naf: '25.62B', weight: 1, names: ['Mécanique {nom}'] },
    { naf: '74.10Z', weight: 0.6, names: ['Studio {nom} Design'] },
  ] },
  { id: 'grands-employeurs', ess: false, weight: 2.5, cj: FIRM, tranche: TRANCHES.bigEmployer, variants: [
    { naf: '85.31Z', weight: 1.2, names: ['Collège {lieu}'], cj: [['7331', 1]] },
    { naf: '85.32Z', weight: 0.5, names: ['Lycée professionnel {lieu}'], cj: [['7331', 1]] },
    { naf: '86.10Z', weight: 0.3, names: ['Clinique {lieu}'] },
    { naf: '87.10A', weight: 0.5, names: ['Résidence seniors {epithete}'] },
    { naf: '52.29A', weight: 0.7, names: ['Entrepôt {nom} Logistique'] },
  ] },
  // Networks: one legal unit, one SIREN, several sites across the town.
  { id: 'reseaux', ess: false, weight: 0.4, cj: [['5599', 1]], tranche: TRANCHES.company, multiSite: 1, variants: [
    { naf: '64.19Z', weight: 1, names: ['Banque du Val'] },
    { naf: '68.20A', weight: 1, names: ["Val Habitat, office public de l'habitat"], cj: [['4140', 1]] },
  ] },
  // Sole traders: SIRENE leaves denominationUniteLegale empty for them (the person's name
  // sits in other columns we do not publish), so the demo does too.
  { id: 'entrepreneur-individuel', ess: false, weight: 17, cj: [['1000', 1]], tranche: TRANCHES.soleTrader, variants: [
    { naf: '49.32Z', weight: 1, names: [''] },
    { naf: '43.99C', weight: 1, names: [''] },
    { naf: '96.02A', weight: 1, names: [''] },
    { naf: '74.90B', weight: 1, names: [''] },
    { naf: '85.59B', weight: 1, names: [''] },
    { naf: '86.90D', weight: 1, names: [''] },
    { naf: '47.91B', weight: 1, names: [''] },
  ] },
];
