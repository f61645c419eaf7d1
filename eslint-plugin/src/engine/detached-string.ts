/**
 * A copy of a short piece of a long text that does not keep the text alive.
 *
 * V8 makes `text.slice(a, b)` (and a regex match, a `split` part…) of 13 characters or more a
 * "sliced string": a view that points at the whole text. Kept in a long-lived table, such a piece
 * keeps its whole file in memory. The client graphs keep every module's import specifiers and
 * export names for the run, and those were slices of the file's text and of its blanked copy:
 * linting vercel/ai's 6,282 files, KeyFence's heap after the run held two copies of the text of
 * every module a graph had read (a heap snapshot's retainers: `sliced string.parent` ←
 * `specifier` / `exportNames` / `valueNames` ← the module's info).
 *
 *   detached(piece) → the same characters, in a string of their own
 *
 * Concatenating and slicing again makes V8 flatten the pair into a new string of the piece's
 * length (plus one) and slice that: nothing points back at the text. Pieces under 13 characters
 * are copied by V8 already and returned as they are.
 */
const SLICED_MIN_LENGTH = 13;

export function detached(piece: string): string {
  return piece.length < SLICED_MIN_LENGTH ? piece : (" " + piece).slice(1);
}
