/**
 * « Tableaux » export: the ranking and the comparison as CSV for a French spreadsheet (`;`,
 * UTF-8 with BOM, decimal comma by default, `s` for masked cells, formulas neutralised), and
 * the quartiers with their indicators as GeoJSON for a GIS.
 */
import { useState } from 'react';
import { useStore, type AppState } from '../../state/store.ts';
import { downloadText } from '../common/download.ts';
import { ExportStatus, IDLE, ROW_STYLE, SECTION_STYLE, errorMessage, type ExportState } from './ExportStatus.tsx';
import { comparisonFile, geojsonFile, rankingFile, type TableFile } from './tables.ts';

export function TableExport() {
  const [decimalComma, setDecimalComma] = useState(true);
  const [state, setState] = useState<ExportState>(IDLE);
  const hasResults = useStore((s) => s.results !== null);
  const hasQuartiers = useStore((s) => s.quartiers.length > 0);
  const compared = useStore((s) => s.selection.length);

  const save = (make: (s: AppState) => TableFile, what: string) => {
    try {
      const file = make(useStore.getState());
      downloadText(file.text, file.fileName, file.type);
      setState({ kind: 'done', message: `${what} exporté : ${file.fileName}.` });
    } catch (e) {
      setState({ kind: 'error', message: errorMessage(e) });
    }
  };

  return (
    <fieldset className="check-group" style={SECTION_STYLE}>
      <legend>Tableaux</legend>
      <label className="switch" style={{ fontSize: 13 }}>
        <input type="checkbox" checked={decimalComma} onChange={(e) => setDecimalComma(e.target.checked)} /> Virgule décimale (tableur en
        français)
      </label>
      <div style={ROW_STYLE}>
        <button type="button" className="btn" disabled={!hasResults} onClick={() => save((s) => rankingFile(s, decimalComma), 'Classement')}>
          Classement (CSV)
        </button>
        <button
          type="button"
          className="btn"
          disabled={!hasResults || compared < 2}
          title={compared < 2 ? 'Sélectionnez au moins deux quartiers dans le classement' : undefined}
          onClick={() => save((s) => comparisonFile(s, decimalComma), 'Comparaison')}
        >
          Comparaison (CSV)
        </button>
        <button type="button" className="btn" disabled={!hasQuartiers} onClick={() => save((s) => geojsonFile(s), 'Fichier GeoJSON')}>
          Quartiers et indicateurs (GeoJSON)
        </button>
      </div>
      <p className="muted small">
        Séparateur « ; », UTF-8 avec BOM : le fichier s’ouvre tel quel dans Excel ou LibreOffice. Cases sous secret statistique notées
        « s » ; sources, méthode et date sous le tableau.
      </p>
      <ExportStatus state={state} />
    </fieldset>
  );
}
