/**
 * How ESS membership is read, said plainly before the file is loaded. A file with no ESS
 * column (a random SIRENE sample, garages included) would otherwise be read as a list of ESS
 * establishments with one line in small print afterwards: here the user chooses, and the
 * load waits for that choice. A flag column that is mostly empty is said too, with what
 * becomes of its empty rows.
 */
import { useId } from 'react';
import { FIELD_LABELS, type ColumnMapping } from '../../core/ingest/column-mapping.ts';
import { exampleValues } from '../../core/ingest/column-evidence.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import { NNBSP } from '../common/format.ts';
import { columnName } from './labels.ts';

/** The three answers to « no column says which establishments are ESS ». */
export type EssChoiceValue = 'ess_list' | 'legal_category' | 'column';

export const ESS_CHOICE_LABELS: Record<EssChoiceValue, string> = {
  ess_list: 'toutes ESS (liste d’observatoire) : chaque ligne du fichier est un établissement de l’ESS',
  legal_category: 'déduire de la catégorie juridique (associations, coopératives, mutuelles, fondations)',
  column: 'choisir la colonne qui dit l’appartenance à l’ESS (O/N)',
};

interface Props {
  header: string[];
  sample: string[][];
  mapping: ColumnMapping;
  choice: EssChoiceValue | null;
  onChoice(choice: EssChoiceValue, mapping: ColumnMapping): void;
}

/** Share of the sample rows whose cell in `col` is empty. */
export function blankShare(sample: readonly string[][], col: number): number {
  if (sample.length === 0) return 0;
  return sample.filter((r) => (r[col] ?? '').trim() === '').length / sample.length;
}

export function EssChoice({ header, sample, mapping, choice, onChoice }: Props) {
  const id = useId();
  const withoutEss = (): ColumnMapping => {
    const next = { ...mapping };
    delete next.essFlag;
    delete next.family;
    delete next.legalCategory;
    return next;
  };
  const pick = (c: EssChoiceValue) => onChoice(c, withoutEss());
  const pickColumn = (field: 'legalCategory' | 'essFlag', value: string) => {
    const next = withoutEss();
    if (value !== '') next[field] = Number(value);
    onChoice(field === 'legalCategory' ? 'legal_category' : 'column', next);
  };
  const columnSelect = (field: 'legalCategory' | 'essFlag') => {
    const col = mapping[field];
    const examples = col === undefined ? [] : exampleValues(sample, col);
    return (
      <div className="ess-choice-column">
        <label htmlFor={`${id}-${field}`}>{FIELD_LABELS[field]}</label>
        <select id={`${id}-${field}`} value={col === undefined ? '' : String(col)} onChange={(e) => pickColumn(field, e.target.value)}>
          <option value="">— choisir —</option>
          {header.map((h, i) => (
            <option key={i} value={String(i)}>
              {columnName(h, i)}
            </option>
          ))}
        </select>
        {col !== undefined && (
          <span className="mapping-values">
            {examples.length > 0 ? `exemples : ${examples.join(' · ')}` : 'aucune valeur dans l’aperçu'}
          </span>
        )}
      </div>
    );
  };

  return (
    <fieldset className="ess-choice" aria-describedby={`${id}-why`}>
      <legend>Appartenance à l’ESS : à choisir avant de charger</legend>
      <p id={`${id}-why`} className="inline-warning">
        Aucune colonne de ce fichier ne dit quels établissements sont de l’ESS (ni indicateur O/N, ni famille, ni catégorie
        juridique). Sans votre choix, toutes ses lignes seraient comptées comme ESS.
      </p>
      {(['ess_list', 'legal_category', 'column'] as const).map((c) => (
        <div key={c} className="ess-choice-option">
          <label>
            <input type="radio" name={`${id}-choice`} value={c} checked={choice === c} onChange={() => pick(c)} /> {ESS_CHOICE_LABELS[c]}
          </label>
          {choice === c && c === 'legal_category' && columnSelect('legalCategory')}
          {choice === c && c === 'column' && columnSelect('essFlag')}
        </div>
      ))}
    </fieldset>
  );
}

/** What becomes of the rows of a mostly empty ESS flag column, said before loading. */
export function EssFlagBlankNote({ sample, mapping }: { sample: string[][]; mapping: ColumnMapping }) {
  const col = mapping.essFlag;
  if (col === undefined) return null;
  const share = blankShare(sample, col);
  if (share < 0.05) return null;
  const fallback =
    mapping.family !== undefined
      ? 'décidées par la colonne « famille », à défaut par la catégorie juridique'
      : mapping.legalCategory !== undefined
        ? 'décidées d’après la catégorie juridique quand elle est remplie, comptées hors ESS sinon'
        : 'comptées hors ESS';
  return (
    <p className="inline-warning">
      La colonne d’appartenance à l’ESS est vide dans {formatFr(share * 100)}{NNBSP}% des lignes de l’aperçu : ces lignes seront {fallback}. Le bilan
      du chargement en donne le nombre.
    </p>
  );
}
