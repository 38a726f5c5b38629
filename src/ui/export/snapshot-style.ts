/**
 * Sizes of the PNG composition, apart from the drawing code so the export form can announce
 * an image's width without loading the fonts and the PDF library.
 */
import { composeLayout, type ComposeStyle } from '../../core/export/compose-layout.ts';
import type { TextStyle } from '../../core/export/text-wrap.ts';

export const textStyle = (size: number, lineHeight: number, bold = false): TextStyle => ({ size, lineHeight, bold });

/** Image layout, in CSS pixels of the composition (multiplied by the output scale). */
export const PNG_STYLE: ComposeStyle = {
  margin: 24,
  gap: 16,
  legendWidth: 250,
  title: textStyle(24, 31, true),
  subtitle: textStyle(15, 21),
  footer: textStyle(11, 15),
  legend: { title: textStyle(14, 18, true), subtitle: textStyle(13, 18, true), text: textStyle(12.5, 16.5), note: textStyle(11.5, 15), swatch: 16, gap: 8, sectionGap: 10 },
  arrow: 34,
  inset: 12,
};

/** Width of the PNG composition at scale 1 (CSS pixels): the map plus the legend column and margins. */
export function compositionWidth(mapWidth: number): number {
  const layout = composeLayout({ title: '', subtitle: '', legend: [], footer: [], map: { width: mapWidth, height: 100 }, legendPosition: 'right' }, PNG_STYLE, () => 0);
  return layout.width;
}

