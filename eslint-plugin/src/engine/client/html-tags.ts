/**
 * Opening tags and `<script>` blocks of HTML-like text (index.html, .vue, .svelte, .astro), in one
 * pass. Regexes such as `/<script\b[^>]*>([\s\S]*?)<\/script>/g` retry `[^>]*` or the lazy body
 * from every `<script` to the end of the text when a tag or block is never closed: quadratic, 19 s
 * on a 320 KB index.html of unclosed `<script ` tags. Here each search resumes where the last one
 * ended, as HTML does: a tag ends at its first `>`, and a new tag starts only after it.
 */

export interface OpeningTag {
  /** Tag name as written (`script`, `Counter`, `ui.Button`). */
  name: string;
  /** The text between the name and the closing `>`. */
  attributes: string;
  /** Offset just after the `>`. */
  end: number;
}

/** Every opening tag from `from` on, left to right. Linear: the text is read once. */
export function* openingTags(text: string, from = 0): Generator<OpeningTag> {
  const names = /<([A-Za-z_$][\w$.:-]*)/g;
  names.lastIndex = from;
  for (let match = names.exec(text); match; match = names.exec(text)) {
    const nameEnd = match.index + match[0].length;
    const close = text.indexOf(">", nameEnd);
    if (close < 0) return; // no `>` left: no tag after this one can close either
    yield { name: match[1], attributes: text.slice(nameEnd, close), end: close + 1 };
    names.lastIndex = close + 1;
  }
}

export interface ScriptElement {
  attributes: string;
  /** The script's text, between `<script …>` and `</script>`. */
  body: string;
  /** Offset of the body's first character in the text. */
  start: number;
}

/** `<script>` elements with their bodies. An unclosed one ends the search: nothing closes later. */
export function* scriptElements(text: string): Generator<ScriptElement> {
  const closing = /<\/script\s*>/gi;
  let from = 0;
  for (;;) {
    let open: OpeningTag | undefined;
    for (const tag of openingTags(text, from)) {
      if (tag.name.toLowerCase() === "script") {
        open = tag;
        break;
      }
    }
    if (!open) return;
    closing.lastIndex = open.end;
    const close = closing.exec(text);
    if (!close) return;
    yield { attributes: open.attributes, body: text.slice(open.end, close.index), start: open.end };
    // Resume after the block: a `<` inside the script is code, not a tag.
    from = close.index + close[0].length;
  }
}
