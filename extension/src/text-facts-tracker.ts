/**
 * The engine's text facts (engine/text-facts.ts) of each document being edited, carried from
 * one version of its text to the next. After an edit only the lines around it are scanned again:
 * key candidates on other lines are kept (moved by the edit's length), and a probe's evidence
 * far from the edit still stands. A keystroke in a 5,000-line file then costs a scan of a few
 * lines, not one whole-text scan per probe. Anything the edit may have changed, and anything
 * not known before, is left to be computed in full when a rule asks.
 */
import {
  LazyTextFacts, PROBE_NAMES, PROBE_REACH, supplyTextFacts, TEXT_PROBES, type ProbeName,
} from "../../eslint-plugin/src/engine/text-facts";
import { scanSpanningFormats, scanTokenRuns, sortCandidates, type KeyCandidate } from "../../eslint-plugin/src/engine/keys/index";
import { textEdit } from "./text-edit";

/** An edit touching more than this share of the text is followed by a fresh scan. */
const MAX_CHANGED_FRACTION = 0.2;

export class TextFactsTracker {
  private readonly byFile = new Map<string, LazyTextFacts>();

  constructor(private readonly maxFiles = 50) {}

  /** The facts of `text`, the new version of `file`; the rules get them too (supplyTextFacts). */
  update(file: string, text: string): LazyTextFacts {
    const previous = this.byFile.get(file);
    this.byFile.delete(file);
    const facts = previous?.text === text ? previous : (previous && carried(previous, text)) ?? new LazyTextFacts(text);
    this.byFile.set(file, facts);
    if (this.byFile.size > this.maxFiles) this.byFile.delete(this.byFile.keys().next().value as string);
    supplyTextFacts(text, facts);
    return facts;
  }

  forget(file: string): void {
    this.byFile.delete(file);
  }
}

/** The facts of `text`, from those of the previous version, or undefined for a fresh start. */
export function carried(previous: LazyTextFacts, text: string): LazyTextFacts | undefined {
  const old = previous.text;
  const edit = textEdit(old, text);
  const delta = edit.newEnd - edit.oldEnd;
  if (Math.max(edit.oldEnd, edit.newEnd) - edit.start > MAX_CHANGED_FRACTION * Math.max(text.length, 1)) return undefined;
  const known = previous.known();

  const evidence: Partial<Record<ProbeName, number>> = {};
  const from = lineStart(text, edit.start - PROBE_REACH);
  const to = lineEnd(text, edit.newEnd + PROBE_REACH);
  let window: string | undefined;
  for (const probe of PROBE_NAMES) {
    const at = known.evidence[probe];
    if (at === undefined) continue;
    if (at >= 0 && at + PROBE_REACH <= edit.start) evidence[probe] = at;
    else if (at >= 0 && at >= edit.oldEnd) evidence[probe] = at + delta;
    else if (at < 0) {
      // Nowhere before: a match now must overlap the edit, so it lies within the window.
      window ??= text.slice(from, to);
      const found = TEXT_PROBES[probe](window);
      evidence[probe] = found < 0 ? -1 : from + found;
    }
    // else the edit touched the evidence: searched for again when a rule asks.
  }

  let keyCandidates: KeyCandidate[] | undefined;
  if (known.keyCandidates) {
    // Token runs never cross a line break: the lines the edit touched are scanned again.
    const linesFrom = lineStart(text, edit.start);
    const oldLinesTo = lineEnd(old, edit.oldEnd);
    const kept: KeyCandidate[] = [];
    for (const candidate of known.keyCandidates) {
      if (candidate.format.spansTokens) continue;
      if (candidate.end <= linesFrom) kept.push(candidate);
      else if (candidate.start >= oldLinesTo) kept.push({ ...candidate, start: candidate.start + delta, end: candidate.end + delta });
    }
    scanTokenRuns(text, linesFrom, oldLinesTo + delta, kept);
    keyCandidates = sortCandidates(scanSpanningFormats(text, kept));
  }
  return new LazyTextFacts(text, { keyCandidates, evidence });
}

/** The start of the line holding `offset` (clamped to the text). */
function lineStart(text: string, offset: number): number {
  if (offset <= 0) return 0;
  return text.lastIndexOf("\n", Math.min(offset, text.length) - 1) + 1;
}

/** The end of the line holding `offset`: its line break, or the end of the text. */
function lineEnd(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const at = text.indexOf("\n", Math.max(offset, 0));
  return at < 0 ? text.length : at;
}
