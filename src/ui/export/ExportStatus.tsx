/**
 * The outcome of an export, read out by screen readers: « Carte exportée : … » or, on failure,
 * the French message of the error. One per section, so a message sits next to its button.
 */
export type ExportState = { kind: 'idle' } | { kind: 'busy'; message: string } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

export const IDLE: ExportState = { kind: 'idle' };

/** The French message of whatever an export threw. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function ExportStatus({ state }: { state: ExportState }) {
  if (state.kind === 'error') {
    return (
      <p className="export-status" role="alert" style={{ color: 'var(--red)', fontWeight: 600 }}>
        {state.message}
      </p>
    );
  }
  return (
    <p className="muted small export-status" role="status" aria-live="polite">
      {state.kind === 'idle' ? '' : state.message}
    </p>
  );
}

/** Layout shared by the export sections: a bordered group with its legend, fields stacked. */
export const SECTION_STYLE = { display: 'grid', gap: 10, marginBottom: 14 } as const;
export const ROW_STYLE = { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' } as const;
export const TEXT_INPUT_STYLE = { width: '100%', padding: '6px 8px', border: '1px solid var(--line-strong)', borderRadius: 'var(--radius)', background: '#fff', minHeight: 32 } as const;
export const LABEL_STYLE = { display: 'grid', gap: 4, fontSize: 13, fontWeight: 600 } as const;
