/**
 * Errors of `prepare-data`, each with a one-line French message that says what was expected,
 * what was found and what to do. The CLI prints the message alone, without a stack.
 */

export type PrepareErrorCode = 'usage' | 'offline' | 'http' | 'format_changed' | 'not_found' | 'bad_archive';

export class PrepareError extends Error {
  readonly code: PrepareErrorCode;

  constructor(code: PrepareErrorCode, message: string) {
    super(message);
    this.name = 'PrepareError';
    this.code = code;
  }
}

/** Network error codes that mean "this machine cannot reach that host". */
const OFFLINE_CODES: Record<string, string> = {
  ENOTFOUND: 'nom d’hôte introuvable',
  EAI_AGAIN: 'résolution DNS impossible',
  ECONNREFUSED: 'connexion refusée',
  ECONNRESET: 'connexion interrompue',
  ETIMEDOUT: 'délai dépassé',
  ENETUNREACH: 'réseau inaccessible',
  EHOSTUNREACH: 'hôte inaccessible',
  ECONNABORTED: 'connexion abandonnée',
  EPROTO: 'erreur de protocole',
  CERT_HAS_EXPIRED: 'certificat expiré',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificat non vérifiable (proxy ?)',
};

const SOURCE_HINT = 'téléchargez les fichiers à la main et passez --source <dossier> (voir le README, « Partir des données publiques »)';

/** Turns a socket or DNS error on `url` into the message users read. */
export function networkError(url: string, error: NodeJS.ErrnoException): PrepareError {
  const code = error.code ?? '';
  const what = OFFLINE_CODES[code] ?? error.message;
  return new PrepareError(
    'offline',
    `Téléchargement impossible de ${url} : ${what}${code ? ` (${code})` : ''}. Êtes-vous hors ligne ou derrière un proxy ? ` +
      `Sinon ${SOURCE_HINT}.`,
  );
}

/** A server answer other than 200/206. */
export function httpError(url: string, status: number, docUrl: string): PrepareError {
  const why = status === 404 ? 'fichier introuvable (404) : l’adresse a peut-être changé'
    : status >= 500 ? `erreur du serveur (${status}), réessayez plus tard` : `réponse HTTP ${status}`;
  return new PrepareError('http', `Téléchargement impossible de ${url} : ${why}. Vérifiez la page ${docUrl} ou ${SOURCE_HINT}.`);
}

/** Expected columns absent from a public file: its publisher changed the format. */
export function formatChanged(file: string, missing: string[], found: string[], docUrl: string): PrepareError {
  const shown = found.slice(0, 12).join(', ') + (found.length > 12 ? '…' : '');
  return new PrepareError(
    'format_changed',
    `Le format de ${file} a changé : colonne${missing.length > 1 ? 's' : ''} attendue${missing.length > 1 ? 's' : ''} ` +
      `absente${missing.length > 1 ? 's' : ''} : ${missing.join(', ')} (colonnes trouvées : ${shown || 'aucune'}). ` +
      `Vérifiez la documentation du fichier (${docUrl}) et, si besoin, mettez à jour scripts/prepare/sources.ts.`,
  );
}

export const isPrepareError = (e: unknown): e is PrepareError => e instanceof PrepareError;
