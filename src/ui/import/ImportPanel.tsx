/**
 * The Import panel, a guided sequence: the quartiers first, then the establishments and their
 * column mapping (scrolled into view when it needs an answer), then the summary and one next
 * step; the reference table and the communes are optional extras. A drop zone sorts dropped
 * files by kind and loads them in order. Files are read in the browser only; nothing is sent
 * anywhere.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useStore } from '../../state/store.ts';
import { loadCommunesFile, loadQuartiersFile, loadReferenceFile, previewEstablishmentsFile } from '../../state/actions.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import { plural } from '../common/format.ts';
import { ColumnMappingDialog } from './ColumnMappingDialog.tsx';
import { ImportSteps, NextStep, useImportStage } from './ImportGuide.tsx';
import { LoadProgress } from './LoadProgress.tsx';
import { LoadSummary } from './LoadSummary.tsx';
import { LOAD_ORDER, classifyFile, type FileKind } from './route-files.ts';
import { ReferenceWarnings } from './ReferenceWarnings.tsx';
import { SourceRow } from './SourceRow.tsx';

const LOADERS: Record<FileKind, (f: File) => Promise<unknown>> = {
  quartiers: (f) => loadQuartiersFile(f),
  communes: (f) => loadCommunesFile(f),
  reference: (f) => loadReferenceFile(f),
  etablissements: (f) => previewEstablishmentsFile(f),
};

/** Loads dropped files in dependency order; says which files were not recognised. */
async function loadDropped(files: File[]): Promise<void> {
  const byKind = new Map<FileKind, File>();
  const unknown: string[] = [];
  for (const f of files) {
    const kind = await classifyFile(f);
    if (kind && !byKind.has(kind)) byKind.set(kind, f);
    else unknown.push(f.name);
  }
  for (const kind of LOAD_ORDER) {
    const f = byKind.get(kind);
    if (f) await LOADERS[kind](f);
  }
  if (unknown.length > 0) {
    useStore.setState({
      error:
        `Fichier${unknown.length > 1 ? 's' : ''} non chargé${unknown.length > 1 ? 's' : ''} : ${unknown.map((n) => `« ${n} »`).join(', ')}. ` +
        'Attendu : un GeoJSON (.geojson, .json) de quartiers ou de communes, un shapefile zippé (.zip) de quartiers, ' +
        'ou un CSV (.csv) d’établissements ou de référence, un seul de chaque sorte.',
    });
  }
}

/** Brings the mapping step into view when it opens: it needs an answer before anything loads. */
function useScrollIntoViewWhen(open: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    // After layout, so the step's final height is known; instant, so the focus lands in view.
    const frame = requestAnimationFrame(() => ref.current?.scrollIntoView?.({ block: 'start', behavior: 'instant' }));
    return () => cancelAnimationFrame(frame);
  }, [open]);
  return ref;
}

export interface ImportPanelProps {
  /** Leaves Import for the ranking: the summary's next step, or going on without establishments. */
  onNext?(): void;
}

export function ImportPanel({ onNext = () => {} }: ImportPanelProps) {
  const quartiersSource = useStore((s) => s.quartiersSource);
  const quartiers = useStore((s) => s.quartiers);
  const warnings = useStore((s) => s.quartiersWarnings);
  const crs = useStore((s) => s.crs);
  const establishmentsSource = useStore((s) => s.establishmentsSource);
  const referenceSource = useStore((s) => s.referenceSource);
  const referenceInfo = useStore((s) => s.referenceInfo);
  const communesSource = useStore((s) => s.communesSource);
  const communes = useStore((s) => s.communes);
  const pending = useStore((s) => s.pendingMapping);
  const [dragging, setDragging] = useState(false);
  const stage = useImportStage();
  const mappingRef = useScrollIntoViewWhen(pending !== null);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length > 0) void loadDropped(files);
  };

  return (
    <div
      className={`import-panel${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <p className="privacy">
        Les fichiers sont lus dans votre navigateur : aucune donnée n’est envoyée sur un serveur.
      </p>
      <ImportSteps stage={stage} />
      <div className="drop-zone" aria-hidden="true">
        Déposez ici un ou plusieurs fichiers (GeoJSON, shapefile zippé, CSV) : ils sont reconnus et chargés dans le bon ordre.
      </div>

      <SourceRow
        label="Contours des quartiers"
        step={1}
        hint="GeoJSON des QPV (.geojson, .json) ou shapefile zippé (.zip avec .shp, .dbf, .prj), en WGS84, Lambert-93 ou UTM ; générations 2015 et 2024."
        accept=".geojson,.json,.zip,application/geo+json,application/json,application/zip"
        source={quartiersSource}
        onFile={(f) => void loadQuartiersFile(f)}
      >
        <span>
          {' · '}
          {plural(quartiers.length, 'quartier', 'quartiers')}
          {crs && ` · ${crs}`}
        </span>
        {warnings.length > 0 && (
          <ul className="warnings" aria-label="Avertissements sur les contours">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </SourceRow>

      <SourceRow
        label="Établissements"
        step={2}
        hint="CSV SIRENE, géo-SIRENE ou export d’observatoire ; les colonnes sont reconnues puis soumises à votre validation."
        accept=".csv,.txt,.tsv,text/csv"
        source={establishmentsSource}
        onFile={(f) => void previewEstablishmentsFile(f)}
      />

      {pending && (
        <div ref={mappingRef} className="mapping-anchor">
          <ColumnMappingDialog key={pending.file.name + pending.file.lastModified} pending={pending} />
        </div>
      )}
      <LoadProgress />

      <LoadSummary />
      <NextStep stage={stage} onNext={onNext} />

      <h3 className="import-extras">Compléments facultatifs</h3>
      <SourceRow
        label="Données de référence"
        optional
        hint="CSV par quartier (code_qp, pop_mun, nbetab, emplois) : population et dénominateurs des parts."
        accept=".csv,.txt,.tsv,text/csv"
        source={referenceSource}
        onFile={(f) => void loadReferenceFile(f)}
      >
        {referenceInfo && (
          <span>
            {' · '}
            {formatFr(referenceInfo.matched)} code{referenceInfo.matched > 1 ? 's' : ''} reconnu{referenceInfo.matched > 1 ? 's' : ''} sur{' '}
            {formatFr(referenceInfo.codes)}
          </span>
        )}
        {referenceInfo && <ReferenceWarnings info={referenceInfo} />}
      </SourceRow>

      <SourceRow
        label="Contours des communes"
        hint="GeoJSON des communes, pour le fond de carte et le contexte."
        accept=".geojson,.json,application/geo+json,application/json"
        optional
        source={communesSource}
        onFile={(f) => void loadCommunesFile(f)}
      >
        {communes && <span>{` · ${plural(communes.features.length, 'commune', 'communes')}`}</span>}
      </SourceRow>
    </div>
  );
}
