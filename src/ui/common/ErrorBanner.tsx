/**
 * The app's error region. Inserted only when there is an error, so assistive technologies
 * announce it as it appears; the dismiss button gives the user the last word.
 */
import { useStore } from '../../state/store.ts';
import { dismissError } from '../../state/actions.ts';

export function ErrorBanner() {
  const error = useStore((s) => s.error);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <svg className="error-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="9" />
        <path d="M10 5v6M10 13.5v1.5" />
      </svg>
      <p>{error}</p>
      <button type="button" className="btn btn-ghost" onClick={dismissError} aria-label="Fermer le message d’erreur">
        Fermer
      </button>
    </div>
  );
}
