/**
 * Golden mapping decisions for every shared SIRENE sample file: what the mapping screen
 * proposes (columns by name, confidence, choices to confirm, columns left out and why) and
 * what the load summary then states (format, ESS basis, job source, blank ESS flags). The
 * files are read through the worker's own preview handler and the real ingest, as in the app.
 * A new sample file gets its golden file on the first run (review it); `-u` regenerates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../src/worker/engine.ts';
import { FIELDS, fieldsToConfirm, hasEssColumn, type ColumnMapping } from '../src/core/ingest/column-mapping.ts';
import { ingestEstablishments } from '../src/core/ingest/establishments.ts';
import { bytesSource } from '../src/core/ingest/csv-stream.ts';
import type { PreviewResult } from '../src/worker/protocol.ts';
import { shared } from './shared-data.ts';

const SAMPLES = shared('sirene-format-samples');
const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'mapping');
const files = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.csv')).sort();

async function preview(bytes: Uint8Array): Promise<PreviewResult> {
  const run = handlers.previewEstablishments as unknown as (s: unknown, p: { file: Blob }, c: unknown) => Promise<PreviewResult>;
  return run({}, { file: new Blob([bytes as Uint8Array<ArrayBuffer>]) }, {});
}

const byName = (header: string[], m: ColumnMapping) =>
  Object.fromEntries(FIELDS.filter((f) => m[f] !== undefined).map((f) => [f, header[m[f]!]]));

async function decision(file: string) {
  const bytes = fs.readFileSync(path.join(SAMPLES, file));
  const p = await preview(bytes);
  const d = p.detected;
  const proposed = {
    layout: d.layout,
    overall: d.overall,
    mapping: byName(p.header, d.mapping),
    confidence: d.confidence,
    toConfirm: fieldsToConfirm(d, d.mapping),
    essColumn: hasEssColumn(d.mapping),
    rejected: d.rejected.map((r) => ({ field: r.field, column: p.header[r.column], reason: r.reason })),
  };
  // The app passes the confirmed mapping to the ingest: here, the proposal as it stands.
  let summary: unknown;
  try {
    const { report } = await ingestEstablishments(bytesSource(bytes), { mapping: d.mapping });
    summary = {
      layout: report.mapping.layout,
      read: report.read,
      accepted: report.accepted,
      rejectedBy: report.rejectedBy,
      essBasis: report.essBasis,
      jobsSource: report.jobsSource,
      jobsFromHeadcount: report.jobsFromHeadcount,
      essFlagBlank: report.essFlagBlank,
      hasNonEss: report.hasNonEss,
    };
  } catch (e) {
    summary = { error: (e as Error).message };
  }
  return { file, proposed, summary };
}

describe('mapping decisions on every shared SIRENE sample', () => {
  it('finds the sample files', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of files) {
    it(`${file}: proposal and summary match the reviewed golden output`, async () => {
      const d = await decision(file);
      await expect(JSON.stringify(d, null, 2) + '\n').toMatchFileSnapshot(path.join(OUT, file.replace(/\.csv$/, '.json')));
    });
  }

  it('never proposes a year column as the exact headcount, and the summary keeps the bracket (bars 2017)', async () => {
    const d = await decision('sirene_v2_ods_bars_bouches-du-rhone_2017.csv');
    expect(d.proposed.mapping.headcount).toBeUndefined();
    expect(d.proposed.mapping.tranche).toBe("Tranche d'effectif salarié de l'établissement");
    expect(d.proposed.rejected).toContainEqual(
      expect.objectContaining({ field: 'headcount', column: "Année de validité de l'effectif salarié de l'établissement" }),
    );
    expect(d.summary).toMatchObject({ jobsSource: 'tranche', jobsFromHeadcount: 0 });
  });

  it('says the format the mapping screen said, for every file that loads', async () => {
    for (const file of files) {
      const d = await decision(file);
      const s = d.summary as { layout?: string; error?: string };
      if (s.error === undefined) expect(s.layout, file).toBe(d.proposed.layout);
    }
  });

  it('counts the rows whose ESS flag is blank and says how they were decided (bars 2017)', async () => {
    const d = await decision('sirene_v2_ods_bars_bouches-du-rhone_2017.csv');
    const s = d.summary as { accepted: number; essFlagBlank: { rows: number; byLegalCategory: number; notEss: number; byFamily: number } };
    expect(s.essFlagBlank.rows).toBeGreaterThan(1500);
    expect(s.essFlagBlank.byLegalCategory + s.essFlagBlank.notEss + s.essFlagBlank.byFamily).toBe(s.essFlagBlank.rows);
  });

  it('flags the national sample without an ESS column: no ESS column is proposed (OpenDataSoft v3)', async () => {
    const d = await decision('ods_economicref-france-sirene-v3-sample.csv');
    expect(d.proposed.essColumn).toBe(false);
    expect(d.summary).toMatchObject({ essBasis: 'ess_list' });
  });
});
