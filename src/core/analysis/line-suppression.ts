/**
 * Secondary suppression over additive lines (INSEE, *manuel de protection des tableaux*): a
 * line is a set of published figures tied by one sum (a total and its parts, or
 * start + entries − exits = end), so when exactly one of its members is masked, the others
 * give it away. The smallest unmasked non-zero member is masked in turn (a zero when none is
 * left), and the lines are walked again until none has a single masked member. Masks only
 * grow, so this ends; each pass is linear in the total length of the lines.
 */

/**
 * Completes `mask` (1 = masked, modified in place) so that no line has exactly one masked
 * member. `values` gives each figure's size, to mask the least information.
 *
 * @example
 * const mask = Uint8Array.of(1, 0, 0); // 2 = 1 + 1: the first part is masked
 * suppressLines(Float64Array.of(1, 1, 2), mask, [[0, 1, 2]]); // mask → [1, 1, 0]
 */
export function suppressLines(values: Float64Array, mask: Uint8Array, lines: readonly (readonly number[])[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      let masked = 0;
      for (const i of line) if (mask[i] === 1 && ++masked > 1) break;
      if (masked !== 1) continue;
      let best = -1;
      for (const i of line) {
        if (mask[i] === 1) continue;
        const better = best < 0
          || (values[i] !== 0 && values[best] === 0)
          || ((values[i] === 0) === (values[best] === 0) && values[i] < values[best]);
        if (better) best = i;
      }
      if (best >= 0) {
        mask[best] = 1;
        changed = true;
      }
    }
  }
}
