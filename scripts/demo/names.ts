/**
 * Invented names for establishments. Words are chosen to sound like the associations,
 * coopératives and shops of a French town without copying any real organisation or network.
 */
import type { Rng } from './prng.ts';

const EPITHETES = [
  "Le Trait d'Union", 'La Passerelle', 'Le Lien', 'Les Petits Pas', 'Horizons', 'Ensemble', 'La Main Tendue',
  'Tremplin', 'Rebonds', "L'Étincelle", 'La Fourmilière', 'Bouts de Ficelle', "Solid'Aire", 'Coup de Pouce',
  'Les Mains Vertes', "Épi'Centre", 'La Ruche', "L'Arbre à Palabres", 'Cap Avenir', 'Le Grain de Sel',
  'La Boussole', 'Pas à Pas', "Le Fil d'Ariane", "Entr'Aide", 'La Clé des Champs', 'Vivre Ensemble',
  'Le Chaînon', "L'Escale", 'Parenthèse', 'Les Bons Voisins', 'Le Petit Pont', 'Azimut', 'La Courte Échelle',
  'Les Semeurs', 'Le Phare', 'Racines', "L'Atelier Partagé", 'Rencontres', 'Le Quai des Savoirs', 'Mosaïque',
] as const;

/** Places of the fictitious territory, in the "de …" form names use. */
const LIEUX_COMMUNS = [
  'de Ville-Exemple', 'de Bourg-Voisin', 'du Canal', 'de la Gare', 'du Moulin', 'des Lilas', 'du Plateau',
  'de la Fontaine', 'du Champ-de-Foire', 'des Vergers', 'du Vieux-Pont', 'des Peupliers', 'de la Sauldraie',
] as const;

const NOMS = [
  'Martin', 'Bernard', 'Durand', 'Lefèvre', 'Moreau', 'Garnier', 'Fontaine', 'Rousseau', 'Chevalier', 'Benali',
  'Haddad', 'Nguyen', 'Diallo', 'Traoré', 'Da Silva', 'Kaya', 'Ferreira', 'Mercier', 'Blanchard', 'Lambert',
  'Roux', 'Vidal', 'Mansouri', 'Bouzid', 'Perrin', 'Colin', 'Gauthier', 'Meunier', 'Brun', 'Petit', 'Leroy',
  'Yilmaz', 'Camara', 'Pereira', 'Marchand', 'Aubert', 'Hamidi', 'Tran', 'Guérin', 'Masson', 'Renaud',
  'Barbier', 'Lemaire', 'Caron', 'Ouali', 'Sy', 'Fofana', 'Lopes', 'Schmitt', 'Marie', 'Dumas', 'Carpentier',
  'Hoarau', 'Baptiste', 'Nicolas', 'Rey', 'Boyer', 'Lacroix', 'Cherif', 'Keita', 'Pham', 'Lebon', 'Julien',
  'Rolland', 'Besson', 'Ait Ali', 'Ozturk', 'Morel', 'Giraud', 'Prévost',
] as const;

const COOPS = [
  'Bâti-Coop', "Coop'Énergie", 'Les Charpentiers Associés', 'Ouvrages Communs', 'Peintres Associés',
  'Terre et Bois', 'Atelier Coopératif du Canal', 'Les Bâtisseurs du Val', 'Toits Partagés', 'Lumen Coop',
] as const;

const MUTUELLES = ['Entraide Santé', 'Familiale du Val', 'Prévoyance Solidaire', 'Santé Commune', 'des Métiers du Canal'] as const;

const FONDATIONS = ['Hélène Vautrin', 'Jean-Baptiste Lorrain', 'Les Peupliers', 'du Bon Accueil', 'Marthe et Paul Dessaigne'] as const;

/**
 * Fills a name pattern. `quartierComplements` are the "des Hauts-de-Sorbiers" forms of the
 * quartiers, so local associations carry the name of their quartier as they do in reality.
 */
export function fillName(rng: Rng, pattern: string, quartierComplements: readonly string[]): string {
  return pattern.replace(/\{(\w+)\}/g, (_, token: string) => {
    switch (token) {
      case 'epithete':
        return rng.pick(EPITHETES);
      case 'lieu':
        return rng.chance(0.45) ? rng.pick(quartierComplements) : rng.pick(LIEUX_COMMUNS);
      case 'nom':
        return rng.pick(NOMS);
      case 'coop':
        return rng.pick(COOPS);
      case 'mutuelle':
        return rng.pick(MUTUELLES);
      case 'fondation':
        return rng.pick(FONDATIONS);
      default:
        throw new Error(`Motif de nom inconnu : {${token}} dans « ${pattern} »`);
    }
  });
}

/**
 * SIRENE holds most denominations in capitals without accents; about one name in six is
 * published that way here so the app's display has to cope with both.
 */
export function sireneCase(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}
