/**
 * The public files `prepare-data` starts from, in ONE place: where each is documented, its
 * download address, the name it has once downloaded, and the columns we rely on. When a
 * publisher moves or changes a file, this module is the only one to edit.
 *
 * Addresses are written as the data.gouv.fr pages gave them when this was written; they could
 * not be checked from the build machines (no internet). `--source` overrides all of them: a
 * folder of files downloaded by hand, or another base URL holding the same file names.
 */

/** A dataset page, cited in the manifest and in error messages. */
export interface DocPage {
  title: string;
  publisher: string;
  url: string;
}

export const DOC_PAGES = {
  qpv: {
    title: 'Quartiers prioritaires de la politique de la ville (QPV)',
    publisher: 'ANCT',
    url: 'https://www.data.gouv.fr/datasets/quartiers-prioritaires-de-la-politique-de-la-ville-qpv/',
  },
  sirene: {
    title: 'Base Sirene des entreprises et de leurs établissements (SIREN, SIRET)',
    publisher: 'INSEE',
    url: 'https://www.data.gouv.fr/datasets/base-sirene-des-entreprises-et-de-leurs-etablissements-siren-siret/',
  },
  geoSirene: {
    title: 'Base Sirene des établissements (SIRET) géolocalisée avec la Base Adresse Nationale (geo-SIRENE)',
    publisher: 'Etalab',
    url: 'https://www.data.gouv.fr/datasets/base-sirene-des-etablissements-siret-geolocalisee-avec-la-base-dadresse-nationale-ban/',
  },
} as const satisfies Record<string, DocPage>;

export type SourceRole = 'qpv' | 'establishments' | 'legalUnits';

/** One file to fetch or find. */
export interface SourceFile {
  role: SourceRole;
  /** Name of the file once downloaded, and the name looked for in a `--source` folder or URL base. */
  fileName: string;
  /** Default download address; null when the publisher offers no file the tool can read. */
  url: string | null;
  doc: DocPage;
  /** Short French description for progress lines and the manifest. */
  label: string;
}

export type QpvGeneration = '2024' | '2015';
export type SireneLayout = 'geo' | 'insee';

/**
 * QPV boundaries. 2024: the national GeoJSON in WGS84 (1 584 features, hexagone and outre-mer).
 * 2015: ANCT publishes only a shapefile archive (`qp-politiquedelaville-shp.zip`, layer
 * QP_METROPOLEOUTREMER_WGS84_EPSG4326); the engine reads GeoJSON, so the 2015 layer is read from
 * a GeoJSON conversion given with `--source`.
 */
export const QPV_FILES: Record<QpvGeneration, SourceFile> = {
  '2024': {
    role: 'qpv',
    fileName: 'qp2024-france-hexagonale-outre-mer-wgs84-epsg4326.geojson',
    url: 'https://static.data.gouv.fr/resources/quartiers-prioritaires-de-la-politique-de-la-ville-qpv/20250206-161839/qp2024-france-hexagonale-outre-mer-wgs84-epsg4326.geojson',
    doc: DOC_PAGES.qpv,
    label: 'contours des QPV 2024',
  },
  '2015': {
    role: 'qpv',
    fileName: 'QP_METROPOLEOUTREMER_WGS84_EPSG4326.geojson',
    url: null,
    doc: DOC_PAGES.qpv,
    label: 'contours des QPV 2015',
  },
};

/** How to get the 2015 layer when no `--source` holds it (said in the error message). */
export const QPV_2015_HINT =
  'les contours 2015 ne sont publiés qu’en shapefile (qp-politiquedelaville-shp.zip) : convertissez la couche ' +
  'QP_METROPOLEOUTREMER_WGS84_EPSG4326 en GeoJSON (ogr2ogr -f GeoJSON QP_METROPOLEOUTREMER_WGS84_EPSG4326.geojson ' +
  'QP_METROPOLEOUTREMER_WGS84_EPSG4326.shp) et passez --source <dossier>';

/** Legal units: the monthly INSEE stock, through data.gouv.fr's stable address of the resource. */
export const LEGAL_UNITS_FILE: SourceFile = {
  role: 'legalUnits',
  fileName: 'StockUniteLegale_utf8.zip',
  url: 'https://www.data.gouv.fr/api/1/datasets/r/825f4199-cadd-486c-ac46-a65a8ea1a047',
  doc: DOC_PAGES.sirene,
  label: 'stock des unités légales (INSEE)',
};

/** Establishments of all France with Lambert-93 (or overseas UTM) coordinates, INSEE stock. */
export const INSEE_ESTABLISHMENTS_FILE: SourceFile = {
  role: 'establishments',
  fileName: 'StockEtablissement_utf8.zip',
  url: 'https://www.data.gouv.fr/api/1/datasets/r/0651fb76-bcf3-4f6a-a38d-bc04fa708576',
  doc: DOC_PAGES.sirene,
  label: 'stock des établissements (INSEE)',
};

const GEO_SIRENE_BASE = 'https://files.data.gouv.fr/geo-sirene/last/dep/';

/**
 * geo-SIRENE files of one département. Paris comes as one file per arrondissement
 * (`geo_siret_75101` … `75120`), every other département as one file.
 */
export function geoSireneFiles(departement: string): SourceFile[] {
  const parts = departement === '75'
    ? Array.from({ length: 20 }, (_, i) => `751${String(i + 1).padStart(2, '0')}`)
    : [departement];
  return parts.map((part) => ({
    role: 'establishments',
    fileName: `geo_siret_${part}.csv.gz`,
    url: `${GEO_SIRENE_BASE}geo_siret_${part}.csv.gz`,
    doc: DOC_PAGES.geoSirene,
    label: `établissements géolocalisés, ${part}`,
  }));
}

/** Exact header of Etalab's `geo_siret_<dep>.csv` (StockEtablissement + geocoding columns). */
export const GEO_SIRENE_COLUMNS = [
  'siren', 'nic', 'siret', 'statutDiffusionEtablissement', 'dateCreationEtablissement', 'trancheEffectifsEtablissement',
  'anneeEffectifsEtablissement', 'activitePrincipaleRegistreMetiersEtablissement', 'dateDernierTraitementEtablissement',
  'etablissementSiege', 'nombrePeriodesEtablissement', 'complementAdresseEtablissement', 'numeroVoieEtablissement',
  'indiceRepetitionEtablissement', 'typeVoieEtablissement', 'libelleVoieEtablissement', 'codePostalEtablissement',
  'libelleCommuneEtablissement', 'libelleCommuneEtrangerEtablissement', 'distributionSpecialeEtablissement',
  'codeCommuneEtablissement', 'codeCedexEtablissement', 'libelleCedexEtablissement', 'codePaysEtrangerEtablissement',
  'libellePaysEtrangerEtablissement', 'complementAdresse2Etablissement', 'numeroVoie2Etablissement',
  'indiceRepetition2Etablissement', 'typeVoie2Etablissement', 'libelleVoie2Etablissement', 'codePostal2Etablissement',
  'libelleCommune2Etablissement', 'libelleCommuneEtranger2Etablissement', 'distributionSpeciale2Etablissement',
  'codeCommune2Etablissement', 'codeCedex2Etablissement', 'libelleCedex2Etablissement', 'codePaysEtranger2Etablissement',
  'libellePaysEtranger2Etablissement', 'dateDebut', 'etatAdministratifEtablissement', 'enseigne1Etablissement',
  'enseigne2Etablissement', 'enseigne3Etablissement', 'denominationUsuelleEtablissement', 'activitePrincipaleEtablissement',
  'nomenclatureActivitePrincipaleEtablissement', 'caractereEmployeurEtablissement', 'longitude', 'latitude', 'geo_score',
  'geo_type', 'geo_adresse', 'geo_id', 'geo_ligne', 'geo_l4', 'geo_l5',
] as const;

/** Columns read from establishment files, whichever layout. */
const ESTABLISHMENT_COMMON = [
  'siret', 'etatAdministratifEtablissement', 'activitePrincipaleEtablissement', 'trancheEffectifsEtablissement',
  'codeCommuneEtablissement',
] as const;

/** Columns each input must have; a file without one of them has changed format. */
export const EXPECTED_COLUMNS = {
  geo: [...ESTABLISHMENT_COMMON, 'longitude', 'latitude'],
  insee: [...ESTABLISHMENT_COMMON, 'coordonneeLambertAbscisseEtablissement', 'coordonneeLambertOrdonneeEtablissement'],
  legalUnits: ['siren', 'denominationUniteLegale', 'categorieJuridiqueUniteLegale', 'economieSocialeSolidaireUniteLegale'],
} as const;

/** Quartier code property, by generation and publisher; the first one present is used. */
export const QPV_CODE_PROPERTIES = ['code_qp', 'CODE_QP', 'code_quartier'] as const;

/**
 * Header of the prepared establishments CSV: SIRENE's own names, which the engine's column
 * mapping recognises (layout `geo-sirene`), so the file loads in the app and the CLI as is.
 */
export const PREPARED_COLUMNS = [
  'siret', 'denominationUniteLegale', 'categorieJuridiqueUniteLegale', 'activitePrincipaleEtablissement',
  'trancheEffectifsEtablissement', 'economieSocialeSolidaireUniteLegale', 'codeCommuneEtablissement',
  'etatAdministratifEtablissement', 'longitude', 'latitude',
] as const;

/** Names of the files `prepare-data` writes in `--out`. */
export const OUTPUT_FILES = {
  establishments: 'etablissements.csv',
  quartiers: 'quartiers.geojson',
  quartierList: 'quartiers-liste.csv',
  manifest: 'manifest.json',
  downloads: 'telechargements',
} as const;
