/**
 * « Carte » export: title and subtitle (proposed from the indicator and the territory, then
 * the user's own once edited), PNG at 1×, 2×, 3× the screen or 4 000 px wide, or an A4 PDF,
 * with the resulting size announced before the click and the alternative text shown after.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { formatFr } from '../../core/indicators/catalog.ts';
import { mapScreenSize } from '../../map/export-image.ts';
import { getMap, onMapChange } from '../../map/map-instance.ts';
import { useStore } from '../../state/store.ts';
import { downloadBlob } from '../common/download.ts';
import { ExportStatus, IDLE, LABEL_STYLE, ROW_STYLE, SECTION_STYLE, TEXT_INPUT_STYLE, errorMessage, type ExportState } from './ExportStatus.tsx';
import { defaultTitles } from './report-context.ts';
import { compositionWidth } from './snapshot-style.ts';

type Size = '1' | '2' | '3' | 'w4000';
type Format = 'png' | 'pdf-landscape' | 'pdf-portrait';

const FIXED_WIDTH = 4000;

/** Output scale of a size choice, for a map `mapWidth` CSS pixels wide. */
export function scaleFor(size: Size, mapWidth: number): number {
  return size === 'w4000' ? FIXED_WIDTH / compositionWidth(mapWidth) : Number(size);
}

/**
 * The map's width on screen, followed as it changes (window resized, side panel widened by
 * another tab): the image's size is announced from it.
 */
function useMapWidth(): number | null {
  const [width, setWidth] = useState<number | null>(() => mapScreenSize()?.width ?? null);
  useEffect(() => {
    let observer: ResizeObserver | null = null;
    const observe = (map: ReturnType<typeof getMap>) => {
      observer?.disconnect();
      observer = null;
      setWidth(mapScreenSize(map)?.width ?? null);
      if (!map || typeof ResizeObserver === 'undefined') return;
      observer = new ResizeObserver(() => setWidth(mapScreenSize(map)?.width ?? null));
      observer.observe(map.getContainer());
    };
    observe(getMap());
    const stop = onMapChange(observe);
    return () => {
      stop();
      observer?.disconnect();
    };
  }, []);
  return width;
}

export function MapExport() {
  const id = useId();
  // The titles depend on these three slices only: recomputing them on every store change (each
  // progress tick of a load) walked all quartiers on the main thread.
  const indicator = useStore((s) => s.indicator);
  const filters = useStore((s) => s.filters);
  const quartiers = useStore((s) => s.quartiers);
  const { title: proposedTitle, subtitle: proposedSubtitle } = useMemo(
    () => defaultTitles({ ...useStore.getState(), indicator, filters, quartiers }),
    [indicator, filters, quartiers],
  );
  const ready = useStore((s) => s.quartiers.length > 0 && s.results !== null);
  const [title, setTitle] = useState<string | null>(null);
  const [subtitle, setSubtitle] = useState<string | null>(null);
  const [format, setFormat] = useState<Format>('png');
  const [size, setSize] = useState<Size>('2');
  const [state, setState] = useState<ExportState>(IDLE);
  const [alt, setAlt] = useState<string | null>(null);
  const mapWidth = useMapWidth();
  const text = { title: title ?? proposedTitle, subtitle: subtitle ?? proposedSubtitle };
  const widthAt = (s: Size) => (mapWidth ? Math.round(compositionWidth(mapWidth) * scaleFor(s, mapWidth)) : null);
  const sizeLabel = (s: Size, label: string) => {
    const w = widthAt(s);
    return w ? `${label} — ${formatFr(w)} px de large` : label;
  };

  const onExport = async () => {
    setState({ kind: 'busy', message: 'Préparation de la carte…' });
    try {
      let result;
      let capped = '';
      if (format === 'png') {
        const { snapshotPng } = await import('./map-snapshot.ts');
        const scale = scaleFor(size, mapScreenSize()?.width ?? 1000);
        result = await snapshotPng(text, scale);
        // MapLibre caps its canvas at 4 096 px a side: a larger map is read at a lower ratio and enlarged.
        if (result.mapPixelRatio < scale - 0.01) capped = ` La carte a été lue à ${formatFr(result.mapPixelRatio, 1)}× (taille maximale du navigateur), puis agrandie.`;
      } else {
        const { snapshotPdf } = await import('./map-snapshot-pdf.ts');
        result = await snapshotPdf(text, format === 'pdf-portrait' ? 'portrait' : 'landscape');
      }
      downloadBlob(result.blob, result.fileName);
      setAlt(result.alt);
      const dims = format === 'png' ? `${formatFr(result.width)} × ${formatFr(result.height)} px` : `A4 ${format === 'pdf-portrait' ? 'portrait' : 'paysage'}`;
      setState({ kind: 'done', message: `Carte exportée : ${result.fileName} (${dims}).${capped}` });
    } catch (e) {
      setState({ kind: 'error', message: `La carte n’a pas pu être exportée : ${errorMessage(e)}` });
    }
  };

  return (
    <fieldset className="check-group" style={SECTION_STYLE}>
      <legend>Carte</legend>
      <label style={LABEL_STYLE}>
        Titre
        <input type="text" style={TEXT_INPUT_STYLE} value={text.title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label style={LABEL_STYLE}>
        Sous-titre
        <input type="text" style={TEXT_INPUT_STYLE} value={text.subtitle} onChange={(e) => setSubtitle(e.target.value)} />
      </label>
      {(title !== null || subtitle !== null) && (
        <button type="button" className="link-btn small" style={{ justifySelf: 'start' }} onClick={() => {
            setTitle(null);
            setSubtitle(null);
          }}>
          Reprendre le titre proposé
        </button>
      )}
      <div style={ROW_STYLE}>
        <label htmlFor={`${id}-format`}>Format du fichier</label>
        <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
          <option value="png">Image PNG</option>
          <option value="pdf-landscape">PDF A4 paysage</option>
          <option value="pdf-portrait">PDF A4 portrait</option>
        </select>
        {format === 'png' && (
          <>
            <label htmlFor={`${id}-size`}>Taille de l’image</label>
            <select id={`${id}-size`} value={size} onChange={(e) => setSize(e.target.value as Size)}>
              <option value="1">{sizeLabel('1', '1× l’écran')}</option>
              <option value="2">{sizeLabel('2', '2× l’écran')}</option>
              <option value="3">{sizeLabel('3', '3× l’écran')}</option>
              <option value="w4000">{sizeLabel('w4000', 'Affiche')}</option>
            </select>
          </>
        )}
      </div>
      <p className="muted small">
        Titre, légende avec unités et classes, échelle, flèche du nord, sources, méthode, date et « s » (secret statistique) sont
        inscrits dans le fichier.
      </p>
      <div style={ROW_STYLE}>
        <button type="button" className="btn btn-primary" onClick={() => void onExport()} disabled={!ready || state.kind === 'busy'}>
          Exporter la carte
        </button>
      </div>
      <ExportStatus state={state} />
      {alt && (
        <details>
          <summary className="small">Texte alternatif de l’image</summary>
          <p className="small" data-testid="export-alt">
            {alt}
          </p>
        </details>
      )}
    </fieldset>
  );
}
