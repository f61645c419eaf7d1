/** Offset → line lookups shared by diagnostics and edits (no engine needed). */
export interface LineIndex {
  /** Offset where each line starts. */
  starts: number[];
  /** 0-based line of an offset. */
  lineOf(offset: number): number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return {
    starts,
    lineOf(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}
