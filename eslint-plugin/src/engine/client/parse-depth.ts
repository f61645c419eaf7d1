/**
 * Is a file nested too deeply for oxc-parser? oxc is a recursive-descent parser in native code:
 * on ~4,000–8,000 nested brackets, `if(a)` chains or template literals it overflows the thread's
 * stack and the process dies with SIGSEGV — no exception, no message, ESLint gone. A JS parser
 * overflowing throws a RangeError instead, which we catch. So before handing a file to oxc, this
 * linear scan estimates how deep the parser will recurse, and deep files go to the JS parser.
 *
 * Measured with an 8 MB stack (Linux and macOS default), one construct repeated until oxc crashed:
 * `${` nesting ≈ 4,200, `A<A<…>>` ≈ 4,450, `(((…)))` ≈ 5,950, `{{…}}` and `if(a)` chains ≈ 6,600,
 * `a=a=…`, `a?b:…`, `()=>…` and `[[…]]` ≈ 8,500, JSX elements ≈ 15,400, `!!!…` ≈ 29,100.
 * Each construct gets a weight in proportion, and the budget lets through about a third of the
 * smallest crash depth, so ESLint's own frames on the same stack leave room.
 *
 * The scan runs on the scanner's blanked text (./scan: comments and string contents are spaces),
 * so nothing inside a string counts. It over-counts rather than under-counts: a long statement
 * full of operators may be sent to the JS parser for nothing, which costs time, never a result.
 */

/** Weight units: a bracket level is 4 (≈1,500 levels allowed), `<` 3, `=`/`?` 2, unary operators 1. */
const BUDGET = 6000;

const WEIGHTS = new Uint8Array(128);
for (const c of "([{`") WEIGHTS[c.charCodeAt(0)] = 4;
for (const c of "=?") WEIGHTS[c.charCodeAt(0)] = 2;
for (const c of "!~-+") WEIGHTS[c.charCodeAt(0)] = 1;
// `<` opens a type argument list (crash ≈ 4,450) or a JSX element: weighed like a bracket level
// nearly; a JSX closing tag or `/>` gives its weight back.
const LESS_WEIGHT = 3;
WEIGHTS[60] = LESS_WEIGHT;

/** Keywords whose operand or body the parser reads by recursing. */
const STATEMENT_WORDS = new Set(["if", "else", "while", "for", "do", "with"]);
const UNARY_WORDS = new Set(["typeof", "void", "await", "new", "delete", "yield"]);
/** Words that always start a new statement or declaration: what was open before has ended. */
const FRESH_START_WORDS = new Set(["const", "let", "var", "function", "class", "import", "export", "interface", "type", "enum"]);

const OPEN = new Set([40, 91, 123]); // ( [ {
const CLOSE = new Set([41, 93, 125]); // ) ] }
const SEMICOLON = 59, COMMA = 44, SLASH = 47, LESS = 60, GREATER = 62;

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code > 127;
}

/**
 * True when parsing `code` (blanked by the scanner) might recurse deeper than oxc can survive.
 * Each bracket level keeps the weight of the operators met since its last statement break
 * (`;` or `,`); the estimate is the sum over the open levels. Linear: one pass, O(1) per char.
 */
export function tooDeepForNativeParser(code: string, budget = BUDGET): boolean {
  const saved: number[] = [];
  let run = 0; // weight of the current level since its last break
  let total = 0; // the estimate: open levels plus every level's run
  const n = code.length;
  for (let i = 0; i < n; i++) {
    const c = code.charCodeAt(i);
    if (isWordCode(c)) {
      let j = i + 1;
      while (j < n && isWordCode(code.charCodeAt(j))) j++;
      const word = j - i <= 9 ? code.slice(i, j) : "";
      const weight = STATEMENT_WORDS.has(word) ? 4 : UNARY_WORDS.has(word) ? 1 : 0;
      if (FRESH_START_WORDS.has(word)) {
        total -= run;
        run = 0;
      }
      run += weight;
      total += weight;
      i = j - 1;
    } else if (OPEN.has(c)) {
      saved.push(run);
      run = 0;
      total += 4;
    } else if (CLOSE.has(c)) {
      if (saved.length === 0) continue;
      total -= run + 4;
      run = saved.pop()!;
    } else if (c === SEMICOLON || c === COMMA) {
      total -= run;
      run = 0;
    } else if (c === SLASH && (code.charCodeAt(i - 1) === LESS || code.charCodeAt(i + 1) === GREATER)) {
      // `</tag>` and `/>` close a JSX element: its `<` no longer nests anything.
      const closed = Math.min(run, code.charCodeAt(i - 1) === LESS ? 2 * LESS_WEIGHT : LESS_WEIGHT);
      run -= closed;
      total -= closed;
    } else if (c < 128 && WEIGHTS[c] > 0) {
      run += WEIGHTS[c];
      total += WEIGHTS[c];
    }
    if (total > budget) return true;
  }
  return false;
}
