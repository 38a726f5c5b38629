// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { resetStore, useStore } from '../../state/store.ts';
import { createIndicators, createQuartier, createResults } from '../../map/layers/test-helpers.ts';
import { ClassificationControls, formatBreaks } from './ClassificationControls.tsx';

beforeEach(() => {
  resetStore();
  const shares = [0.05, 0.1, 0.2, 0.4, 0.8];
  useStore.setState({
    quartiers: shares.map((_, i) => createQuartier(i)),
    results: createResults(shares.map((share) => createIndicators({ share }))),
  });
});
afterEach(cleanup);

const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;

describe('ClassificationControls', () => {
  it('offers the indicators and the four methods under French names', () => {
    render(<ClassificationControls />);
    expect(select('Indicateur').value).toBe('essJobShare');
    expect([...select('Méthode').options].map((o) => o.textContent)).toEqual([
      'Quantiles',
      'Intervalles égaux',
      'Seuils naturels (Jenks)',
      'Seuils manuels',
    ]);
    expect([...select('Nombre de classes').options].map((o) => o.value)).toEqual(['3', '4', '5', '6', '7']);
  });

  it('writes the indicator, method, classes and palette in the store', () => {
    render(<ClassificationControls />);
    fireEvent.change(select('Indicateur'), { target: { value: 'densityPer1000' } });
    fireEvent.change(select('Méthode'), { target: { value: 'jenks' } });
    fireEvent.change(select('Nombre de classes'), { target: { value: '4' } });
    fireEvent.change(select('Palette'), { target: { value: 'cividis' } });
    const s = useStore.getState();
    expect(s.indicator).toBe('densityPer1000');
    expect(s.classification).toMatchObject({ method: 'jenks', classes: 4, palette: 'cividis' });
  });

  it('starts manual thresholds from the classes on screen', () => {
    useStore.setState({ classification: { method: 'equal', classes: 3, manualBreaks: [], palette: 'viridis' } });
    render(<ClassificationControls />);
    fireEvent.change(select('Méthode'), { target: { value: 'manual' } });
    expect(useStore.getState().classification.manualBreaks).toEqual([30, 55]);
    expect((screen.getByLabelText('Seuils entre les classes (%)') as HTMLInputElement).value).toBe('30 ; 55');
    expect(select('Nombre de classes').disabled).toBe(true);
  });

  it('reads typed thresholds with decimal commas', () => {
    useStore.setState({ classification: { method: 'manual', classes: 5, manualBreaks: [10], palette: 'viridis' } });
    render(<ClassificationControls />);
    const input = screen.getByLabelText('Seuils entre les classes (%)');
    fireEvent.change(input, { target: { value: '7,5 ; 15 ; 30' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useStore.getState().classification.manualBreaks).toEqual([7.5, 15, 30]);
  });

  it('says which thresholds it cannot read and keeps the previous ones', () => {
    useStore.setState({ classification: { method: 'manual', classes: 5, manualBreaks: [10], palette: 'viridis' } });
    render(<ClassificationControls />);
    const input = screen.getByLabelText('Seuils entre les classes (%)');
    fireEvent.change(input, { target: { value: '5 ; dix' } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toContain('« dix »');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(useStore.getState().classification.manualBreaks).toEqual([10]);
  });

  it('shows the number of classes the manual thresholds make, whatever was chosen before', () => {
    useStore.setState({ classification: { method: 'manual', classes: 5, manualBreaks: [7.5, 15, 30], palette: 'viridis' } });
    const { unmount } = render(<ClassificationControls />);
    expect(select('Nombre de classes').value).toBe('4');
    expect(screen.getByText(/donné par les seuils manuels/)).toBeTruthy();
    unmount();
    useStore.setState({ classification: { method: 'manual', classes: 5, manualBreaks: [10], palette: 'viridis' } });
    render(<ClassificationControls />);
    expect(select('Nombre de classes').value).toBe('2');
  });

  it('keeps the classes on screen when switching to manual thresholds (rounded bounds classify)', () => {
    useStore.setState({
      results: createResults([0.1234, 0.2266, 0.31, 0.4449, 0.5551, 0.68].map((share) => createIndicators({ share }))),
      quartiers: Array.from({ length: 6 }, (_, i) => createQuartier(i)),
      classification: { method: 'quantile', classes: 3, manualBreaks: [], palette: 'viridis' },
    });
    render(<ClassificationControls />);
    fireEvent.change(select('Méthode'), { target: { value: 'manual' } });
    const typed = useStore.getState().classification.manualBreaks;
    expect(typed.every((t) => Number(t.toFixed(1)) === t)).toBe(true);
    expect(select('Nombre de classes').value).toBe('3');
  });

  it('disables the classification for counts, drawn as circles', () => {
    useStore.setState({ indicator: 'jobs' });
    render(<ClassificationControls />);
    expect(select('Méthode').closest('fieldset')?.disabled).toBe(true);
    expect(screen.getByText(/cercles proportionnels/)).toBeTruthy();
  });
});

describe('formatBreaks', () => {
  it('writes thresholds back in French', () => {
    expect(formatBreaks([2.5, 1000, 10])).toBe('2,5 ; 1 000 ; 10');
  });
});
