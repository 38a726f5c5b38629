/**
 * National reference figures shown next to local ones. Editable, sourced constants: update
 * them when a newer publication comes out, and keep the source line with the figure.
 */

export interface ReferenceFigure {
  value: number;
  label: string;
  source: string;
}

export const NATIONAL_REFERENCES = {
  essJobShareFrance: {
    value: 1 / 7,
    label: 'Part de l’ESS dans l’emploi salarié, France entière',
    source: 'ESS France, « l’ESS, 1 emploi salarié sur 7 »',
  },
  essJobShareQpv: {
    value: 0.17,
    label: 'Part de l’ESS dans l’emploi des quartiers prioritaires',
    source: 'ESS France – ANCT, L’ESS dans les quartiers prioritaires, 2022',
  },
  essEstablishmentsQpv: {
    value: 10_800,
    label: 'Établissements employeurs de l’ESS en QPV',
    source: 'ESS France – ANCT, 2022',
  },
  essJobsQpv: {
    value: 114_700,
    label: 'Emplois de l’ESS en QPV',
    source: 'ESS France – ANCT, 2022',
  },
  familyShareQpv: {
    association: { value: 0.89, label: 'Associations', source: 'ESS France – ANCT, 2022' },
    cooperative: { value: 0.064, label: 'Coopératives', source: 'ESS France – ANCT, 2022' },
    mutuelle: { value: 0.031, label: 'Mutuelles', source: 'ESS France – ANCT, 2022' },
    fondation: { value: 0.019, label: 'Fondations', source: 'ESS France – ANCT, 2022' },
  },
  actionSocialeJobShareQpv: {
    value: 0.46,
    label: 'Part de l’action sociale dans les emplois ESS des QPV',
    source: 'ESS France – ANCT, 2022',
  },
} as const;
