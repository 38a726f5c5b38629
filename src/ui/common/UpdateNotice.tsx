/**
 * Says, in the header, that the app now works offline, and offers a new version when one is
 * installed; the user decides when it starts (a reload), so no work is cut short.
 */
import { usePwa } from '../../pwa/pwa-state.ts';

export function UpdateNotice() {
  const { updateReady, offlineReady, update } = usePwa();
  if (updateReady && update) {
    return (
      <div className="pwa-notice" role="status">
        Une nouvelle version est disponible.{' '}
        <button type="button" className="btn btn-small" onClick={() => void update()}>
          Mettre à jour
        </button>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <p className="pwa-notice muted" role="status" title="L’application et les données de démonstration sont gardées dans ce navigateur.">
        Utilisable hors ligne
      </p>
    );
  }
  return null;
}
