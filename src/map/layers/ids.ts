/** Source and layer ids shared by the style builder, the controller and the interactions. */
export const SOURCE = {
  osm: 'fond-osm',
  ign: 'fond-ign',
  communes: 'communes',
  france: 'contour-france',
  towns: 'villes',
  ring: 'quartier-vecu',
  quartiers: 'quartiers',
  centres: 'quartier-centres',
  points: 'etablissements',
} as const;

export const LAYER = {
  background: 'fond',
  osm: 'fond-osm',
  ign: 'fond-ign',
  franceLine: 'contour-france',
  communesLine: 'communes-contour',
  communesLabel: 'communes-nom',
  ringFill: 'quartier-vecu-fond',
  ringLine: 'quartier-vecu-contour',
  quartiersFill: 'quartiers-aplat',
  quartiersHatch: 'quartiers-secret',
  quartiersLine: 'quartiers-contour',
  markers: 'quartiers-disques',
  markersSecret: 'quartiers-disques-secret',
  circles: 'quartiers-cercles',
  clusters: 'etablissements-groupes',
  clusterCount: 'etablissements-groupes-nombre',
  points: 'etablissements-points',
  quartiersLabel: 'quartiers-nom',
  townsLabel: 'villes-nom',
} as const;

/** Name of the hatching image registered with `map.addImage` for masked cells. */
export const HATCH_IMAGE = 'hachures-secret';
