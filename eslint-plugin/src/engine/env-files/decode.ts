/**
 * Env file bytes as text. ESLint and `readFile(…, "utf8")` decode every file as UTF-8, so a
 * UTF-16 file (what Windows PowerShell 5 writes with `>`, `Out-File` or `Set-Content -Encoding
 * Unicode`: UTF-16 LE with a byte order mark; BigEndianUnicode gives BE) looks binary there,
 * every other byte being NUL. The byte order mark says which encoding it is, as VS Code and git
 * tools read it; without one, a file with NUL bytes stays binary.
 */
import { readFileSync, statSync } from "node:fs";

/** The text of `bytes` (UTF-8, or UTF-16 LE/BE with a BOM), without the BOM; undefined when binary. */
export function decodeTextBytes(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  if (buffer[0] === 0xff && buffer[1] === 0xfe) text = buffer.subarray(2, buffer.length - (buffer.length % 2)).toString("utf16le");
  else if (buffer[0] === 0xfe && buffer[1] === 0xff) text = swapBytes(buffer.subarray(2, buffer.length - (buffer.length % 2))).toString("utf16le");
  else if (buffer.includes(0)) return undefined;
  else text = buffer.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.includes("\0") ? undefined : text;
}

function swapBytes(buffer: Buffer): Buffer {
  return Buffer.from(buffer).swap16(); // a copy: swap16 works in place
}

/** True when the bytes start with a UTF-16 byte order mark. */
export function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * A file on disk as text (see decodeTextBytes); undefined when missing, binary or longer than
 * `maxLength` characters.
 */
export function readTextFile(file: string, maxLength: number): string | undefined {
  try {
    // Two bytes a character in UTF-16, plus the BOM.
    if (statSync(file).size > 2 * maxLength + 2) return undefined;
    const text = decodeTextBytes(readFileSync(file));
    return text !== undefined && text.length <= maxLength ? text : undefined;
  } catch {
    return undefined;
  }
}
