/**
 * Merging a partner's initiatives into ours, by stable id and revision history (like a
 * version control system, one initiative at a time):
 * - an id only one side has is kept (added when it comes from the partner);
 * - the same current revision: unchanged;
 * - one side's history contains the other's current revision: that side is a later edit of
 *   the other, and wins without a question (an update, or a deletion, travels);
 * - otherwise both sides changed it since they last agreed: a conflict, unless they happen to
 *   say the same thing. The user chooses; `proposed` is the most recent change, so that two
 *   organisations accepting every proposal make the same choices.
 * Resolving a conflict records a merge change naming both revisions, so the partner who
 * imports the result sees a later edit of their own version and takes it: after one exchange
 * each way, both files hold the same layer.
 */
import { currentRevision, mergedInitiative, sameContent, type Editor, type Initiative } from './initiative.ts';

export interface MergeConflict {
  id: string;
  local: Initiative;
  incoming: Initiative;
  proposed: 'local' | 'incoming';
}

export interface MergePlan {
  /** Everything decided without the user, in our order then the partner's new ones. */
  merged: Initiative[];
  added: number;
  updated: number;
  unchanged: number;
  conflicts: MergeConflict[];
}

const last = (i: Initiative) => i.history[i.history.length - 1];
const hasRevision = (i: Initiative, rev: string) => i.history.some((c) => c.rev === rev);

/** Plans the merge of `incoming` into `local` (neither is modified). */
export function planMerge(local: readonly Initiative[], incoming: readonly Initiative[], editor: Editor): MergePlan {
  const theirs = new Map(incoming.map((i) => [i.id, i]));
  const merged: Initiative[] = [];
  const conflicts: MergeConflict[] = [];
  let updated = 0, unchanged = 0;
  for (const mine of local) {
    const other = theirs.get(mine.id);
    theirs.delete(mine.id);
    if (!other || currentRevision(mine) === currentRevision(other)) {
      if (other) unchanged++;
      merged.push(mine);
    } else if (hasRevision(other, currentRevision(mine))) {
      merged.push(other);
      updated++;
    } else if (hasRevision(mine, currentRevision(other))) {
      merged.push(mine);
      unchanged++;
    } else if (sameContent(mine, other)) {
      // Both made the same change: join the histories, nothing to ask.
      merged.push(mergedInitiative(mine, other, editor, true));
      updated++;
    } else {
      const a = last(mine), b = last(other);
      const incomingLater = b.at > a.at || (b.at === a.at && b.rev > a.rev);
      conflicts.push({ id: mine.id, local: mine, incoming: other, proposed: incomingLater ? 'incoming' : 'local' });
      merged.push(mine);
    }
  }
  const added = [...theirs.values()];
  return { merged: [...merged, ...added], added: added.length, updated, unchanged, conflicts };
}

/**
 * The merged layer once the user has chosen for each conflict (`choices` by id; a conflict
 * without a choice takes its proposal).
 */
export function applyMerge(plan: MergePlan, choices: Readonly<Record<string, 'local' | 'incoming'>>, editor: Editor): Initiative[] {
  const resolved = new Map(plan.conflicts.map((c) => {
    const choice = choices[c.id] ?? c.proposed;
    const [chosen, other] = choice === 'incoming' ? [c.incoming, c.local] : [c.local, c.incoming];
    return [c.id, mergedInitiative(chosen, other, editor)] as const;
  }));
  return plan.merged.map((i) => resolved.get(i.id) ?? i);
}
