/**
 * The page: header with the territory, a side panel with the Import, Filtres, Classement,
 * Comparaison and Exports tabs, the map, and the quartier sheet over the map. The map is the
 * centre of the work: the panel keeps one width across tabs, can be resized or folded away,
 * and the app opens on Import, the first step. State lives in the store; App only lays things
 * out and remembers which tab is open.
 */
import { useState } from 'react';
import { useStore } from './state/store.ts';
import { INDICATORS } from './core/indicators/catalog.ts';
import { MapView } from './map/MapView.tsx';
import { Tabs, type TabDef } from './ui/common/Tabs.tsx';
import { PanelToggle, SidePanel } from './ui/common/SidePanel.tsx';
import { SkipLinks } from './ui/common/SkipLinks.tsx';
import { ErrorBanner } from './ui/common/ErrorBanner.tsx';
import { DemoNotice } from './ui/common/DemoNotice.tsx';
import { SavedSession } from './ui/common/SavedSession.tsx';
import { UpdateNotice } from './ui/common/UpdateNotice.tsx';
import { territoryLabel } from './ui/common/territory.ts';
import { ImportPanel } from './ui/import/ImportPanel.tsx';
import { FiltersPanel } from './ui/filters/FiltersPanel.tsx';
import { RankingTable } from './ui/table/RankingTable.tsx';
import { ComparisonPanel } from './ui/compare/ComparisonPanel.tsx';
import { ExportPanel } from './ui/export/ExportPanel.tsx';
import { QuartierProfile } from './ui/profile/QuartierProfile.tsx';
import { ClassificationControls } from './ui/legend/ClassificationControls.tsx';
import { MapLayersControls } from './ui/legend/MapLayersControls.tsx';
import { Legend } from './ui/legend/Legend.tsx';

export type PanelKey = 'import' | 'filtres' | 'classement' | 'comparaison' | 'exports';

const PANEL_ID = 'side-panel';

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="28" height="28" rx="7" />
      <path d="M9 21l5-6 4 3 5-8" />
      <circle cx="23" cy="10" r="2.2" />
    </svg>
  );
}

export function App() {
  const [tab, setTab] = useState<PanelKey>('import');
  const [collapsed, setCollapsed] = useState(false);
  const [wide, setWide] = useState(false);
  const quartiers = useStore((s) => s.quartiers);
  const selectionCount = useStore((s) => s.selection.length);
  const openTab = (key: PanelKey) => {
    setCollapsed(false);
    setTab(key);
  };
  const filtersActive = useStore((s) => {
    const f = s.filters;
    return f.families !== null || f.sectors !== null || f.sizes !== null || f.communes !== null || !f.employerOnly;
  });
  const territory = territoryLabel(quartiers);
  const indicator = useStore((s) => s.indicator);
  const indicatorShort = INDICATORS[indicator].short;

  const tabs: TabDef<PanelKey>[] = [
    { key: 'import', label: 'Import', panel: <ImportPanel onNext={() => openTab('classement')} /> },
    {
      key: 'filtres',
      label: (
        <>
          Filtres
          {filtersActive && (
            <span className="tab-dot" title="Des filtres sont actifs">
              <span className="visually-hidden"> (actifs)</span>
            </span>
          )}
        </>
      ),
      panel: <FiltersPanel />,
    },
    { key: 'classement', label: 'Classement', panel: <RankingTable onCompare={() => openTab('comparaison')} /> },
    {
      key: 'comparaison',
      label: (
        <>
          Comparaison
          {selectionCount > 0 && (
            <>
              {' '}
              <span className="tab-count">{selectionCount}</span>
            </>
          )}
        </>
      ),
      panel: <ComparisonPanel />,
    },
    { key: 'exports', label: 'Exports', panel: <ExportPanel /> },
  ];

  return (
    <div className="app">
      <SkipLinks onTable={() => openTab('classement')} />
      <header className="app-header">
        <div className="brand">
          <Logo />
          <div>
            <h1>ESS Quartiers</h1>
            <p className="tagline">L’économie sociale et solidaire dans les quartiers prioritaires</p>
          </div>
        </div>
        <p className="territory">
          <span className="visually-hidden">Territoire : </span>
          {territory || 'Aucun territoire chargé'}
        </p>
        <DemoNotice />
        <SavedSession />
        <UpdateNotice />
      </header>
      <ErrorBanner />
      <main className="app-main">
        <SidePanel id={PANEL_ID} collapsed={collapsed} wide={wide}>
          <Tabs<PanelKey> label="Panneaux de l’application" tabs={tabs} active={tab} onChange={setTab} />
        </SidePanel>
        <section className="map-area" id="carte" aria-label="Carte">
          <MapView />
          <PanelToggle panelId={PANEL_ID} collapsed={collapsed} wide={wide} onCollapsedChange={setCollapsed} onWideChange={setWide} />
          {/* One control card open at a time (exclusive <details>): the cards never pile up over the map. */}
          <div className="map-overlay">
            <details className="map-card map-section" name="map-controls">
              <summary>
                Indicateur et classes <span className="summary-value">{indicatorShort}</span>
              </summary>
              <ClassificationControls />
            </details>
            <details className="map-card map-section" name="map-controls">
              <summary>Fond de carte et couches</summary>
              <MapLayersControls />
            </details>
            {/* Focusable: a long legend scrolls, and a keyboard user must be able to scroll it. */}
            <div className="map-card map-legend" tabIndex={0} role="region" aria-label="Légende de la carte">
              <Legend />
            </div>
          </div>
        </section>
        <QuartierProfile />
      </main>
    </div>
  );
}
