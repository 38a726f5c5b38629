/**
 * Context layers: any point file a user brings beside the establishments (DVF sales, the BPE
 * equipment base, a social landlord's vacant premises…), read with the same CSV reader and
 * coordinate rules as the establishments, kept as typed columns: positions and, when chosen,
 * one numeric column (surface, price…) to sum and take the median of per quartier.
 *
 * Rows are never dropped silently: read = kept + rejected, each rejection with its reason
 * (the establishments' reasons: coordinates absent, unreadable, outside France). A kept row
 * whose value cell is empty or not a number stays a point and is counted in `valueMissing`.
 */
import { readCsvStream, type CsvStreamOptions } from '../ingest/csv-stream.ts';
import { detectMapping } from '../ingest/column-mapping.ts';
import { makeCoordinateReader, parseDecimal, planCoordinates, type CoordinatePlan } from '../ingest/coordinates.ts';
import { isInFrance } from '../geo/france.ts';
import { EssqError } from '../errors.ts';
import type { RejectReason } from '../types.ts';

export interface ContextLayer {
  /** The user's name for the layer (the file name by default). */
  name: string;
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** The numeric column's value per kept row (NaN when missing), or null without one. */
  values: Float64Array | null;
  valueColumn: string | null;
  header: string[];
  read: number;
  rejectedBy: Partial<Record<RejectReason, number>>;
  valueMissing: number;
  coordinates: CoordinatePlan;
}

export interface ContextOptions extends CsvStreamOptions {
  name: string;
  /** Header of the numeric column to sum (exact, or the same once accents and case are ignored). */
  valueColumn?: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();

/**
 * Reads a context point file. Throws a French message when the file has no usable coordinate
 * columns or the value column named does not exist.
 *
 * @example
 * const layer = await ingestContextPoints(fs.createReadStream('foncier_qp.csv'), { name: 'DVF', valueColumn: 'valeur_fonciere' });
 */
export async function ingestContextPoints(source: AsyncIterable<Uint8Array>, options: ContextOptions): Promise<ContextLayer> {
  let cap = 1 << 14, count = 0, read = 0, valueMissing = 0;
  let lon = new Float64Array(cap), lat = new Float64Array(cap);
  let values: Float64Array | null = null;
  let header: string[] = [];
  let valueCol = -1;
  let plan: CoordinatePlan | null = null;
  let readCoords: ReturnType<typeof makeCoordinateReader> | null = null;
  const rejectedBy: Partial<Record<RejectReason, number>> = {};
  const reject = (r: RejectReason) => { rejectedBy[r] = (rejectedBy[r] ?? 0) + 1; };
  const out = [0, 0];

  const setup = (sample: string[][]) => {
    const mapping = detectMapping(header, sample).mapping;
    plan = planCoordinates(mapping, sample);
    if (!plan) {
      throw new EssqError('no_coordinates', `Couche de contexte « ${options.name} » : colonnes de coordonnées attendues (longitude et latitude, « lat, lon », ou x et y en Lambert-93), trouvé « ${header.slice(0, 12).join(' ; ')} ».`);
    }
    readCoords = makeCoordinateReader(plan);
    if (options.valueColumn !== undefined) {
      valueCol = header.findIndex((h) => h === options.valueColumn);
      if (valueCol < 0) valueCol = header.findIndex((h) => fold(h) === fold(options.valueColumn!));
      if (valueCol < 0) {
        throw new EssqError('bad_column', `Couche de contexte « ${options.name} » : la colonne « ${options.valueColumn} » n’existe pas ; colonnes du fichier : ${header.join(', ')}.`);
      }
      values = new Float64Array(cap);
    }
  };

  const grow = () => {
    cap *= 2;
    const copy = (a: Float64Array) => { const b = new Float64Array(cap); b.set(a); return b; };
    lon = copy(lon);
    lat = copy(lat);
    if (values) values = copy(values);
  };

  await readCsvStream(source, {
    onHeader: (h) => { header = h; },
    onRows: (rows) => {
      if (!readCoords) setup(rows.slice(0, 500));
      for (const row of rows) {
        read++;
        const status = readCoords!(row, out);
        if (status === 'missing') { reject('no_coordinates'); continue; }
        if (status === 'bad') { reject('bad_coordinates'); continue; }
        if (!isInFrance(out[0], out[1])) { reject('outside_france'); continue; }
        if (count === cap) grow();
        lon[count] = out[0];
        lat[count] = out[1];
        if (values) {
          const v = parseDecimal(row[valueCol]);
          values[count] = v;
          if (!Number.isFinite(v)) valueMissing++;
        }
        count++;
      }
    },
    onOversizedRecord: () => { read++; reject('line_too_long'); },
  }, options);
  if (header.length === 0) throw new EssqError('empty_file', `Couche de contexte « ${options.name} » : le fichier est vide (une ligne d’en-tête puis une ligne par point étaient attendues).`);
  if (!readCoords) setup([]);
  const finalValues: Float64Array | null = values;
  return {
    name: options.name,
    count,
    lon: lon.slice(0, count),
    lat: lat.slice(0, count),
    values: finalValues ? (finalValues as Float64Array).slice(0, count) : null,
    valueColumn: valueCol >= 0 ? header[valueCol] : null,
    header,
    read,
    rejectedBy,
    valueMissing,
    coordinates: plan!,
  };
}
