/**
 * Says, for as long as they are shown, that the figures are invented: a screenshot of the
 * demo must never pass for a diagnostic of a real territory.
 */
import { useStore } from '../../state/store.ts';

export function DemoNotice() {
  const demo = useStore((s) => s.demo);
  if (!demo) return null;
  return (
    <p className="demo-notice" role="status">
      Données fictives de démonstration
    </p>
  );
}
