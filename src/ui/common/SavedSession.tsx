/**
 * Says, discreetly, that the loaded files are kept in this browser (they may hold personal
 * data: sole traders in SIRENE), and offers to erase them. Shown once something is saved or
 * a session was reopened; never for the demo alone.
 */
import { clearSavedSession, usePersistence, type PersistStatus } from '../../state/persist.ts';

const TEXT: Partial<Record<PersistStatus, string>> = {
  restoring: 'Restauration de la session…',
  restored: 'Session restaurée',
  saved: 'Session enregistrée dans ce navigateur',
  cleared: 'Données enregistrées effacées',
};

export function SavedSession() {
  const status = usePersistence((s) => s.status);
  const text = TEXT[status];
  if (!text) return null;
  const erasable = status === 'restored' || status === 'saved';
  return (
    <div className="session-notice">
      <span role="status" title="Les fichiers chargés et la vue restent dans ce navigateur pour être rouverts après un rechargement ; rien n’est envoyé.">
        {text}
      </span>
      {erasable && (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => void clearSavedSession()}>
          Effacer les données enregistrées
        </button>
      )}
    </div>
  );
}
