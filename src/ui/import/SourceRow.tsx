/**
 * One source of the Import panel: its label, what the file must be, a file button that speaks
 * French whatever the browser's language (the native one says « Choose File » in an English
 * browser), and what was loaded. The real file input stays in place, transparent over the
 * button, so the pointer, the keyboard, screen readers and drag-and-drop onto it all work as
 * with a native input.
 */
import { useId, type ChangeEvent, type ReactNode } from 'react';
import type { SourceInfo } from '../../state/store.ts';
import { formatSize } from '../common/format.ts';

export interface SourceRowProps {
  label: string;
  hint: string;
  accept: string;
  step?: number;
  optional?: boolean;
  source: SourceInfo | null;
  onFile(file: File): void;
  children?: ReactNode;
}

export function SourceRow({ label, hint, accept, step, optional, source, onFile, children }: SourceRowProps) {
  const id = useId();
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) loads it again.
    e.target.value = '';
    if (file) onFile(file);
  };
  return (
    <div className={`source${source ? ' source-loaded' : ''}`}>
      <div className="source-head">
        {step !== undefined && (
          <span className="step-number" aria-hidden="true">
            {step}
          </span>
        )}
        <label htmlFor={id} className="source-label">
          {label}
        </label>
        {optional && <span className="tag">facultatif</span>}
        {source && (
          <span className="source-ok" aria-hidden="true">
            ✓
          </span>
        )}
      </div>
      <p id={`${id}-hint`} className="source-hint">
        {hint}
      </p>
      <div className="file-picker">
        <input id={id} className="file-input" type="file" accept={accept} aria-describedby={`${id}-hint`} onChange={onChange} />
        <span className="file-button" aria-hidden="true">
          {source ? 'Choisir un autre fichier' : 'Choisir un fichier'}
        </span>
        {!source && (
          <span className="file-chosen" aria-hidden="true">
            Aucun fichier choisi
          </span>
        )}
      </div>
      {source && (
        <div className="source-status">
          <span className="file-name">{source.name}</span> <span className="muted">({formatSize(source.size)})</span>
          {children}
        </div>
      )}
    </div>
  );
}
