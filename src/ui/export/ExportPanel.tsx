/**
 * The « Exports » tab: the map snapshot, the quartier sheets and the atlas, the tables, and
 * the project file. It stays mounted with the other tabs, which lets it remember the files the
 * user picks from the start (for the project's fingerprints) and follow an opened project.
 */
import { useEffect } from 'react';
import { useStore } from '../../state/store.ts';
import { MapExport } from './MapExport.tsx';
import { ProjectExport } from './ProjectExport.tsx';
import { SheetExport } from './SheetExport.tsx';
import { TableExport } from './TableExport.tsx';
import { followProject } from './project.ts';
import { trackSourceFiles } from './source-files.ts';

export function ExportPanel() {
  const empty = useStore((s) => s.quartiers.length === 0);
  useEffect(() => trackSourceFiles(), []);
  useEffect(() => followProject(), []);
  return (
    <div className="export-panel">
      {empty && <p className="empty">Chargez les contours des quartiers pour exporter cartes, fiches et tableaux.</p>}
      <MapExport />
      <SheetExport />
      <TableExport />
      <ProjectExport />
    </div>
  );
}
