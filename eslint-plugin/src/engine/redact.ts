/**
 * KeyFence never shows what it guards: a key is shown as its provider prefix and its last four
 * characters, e.g. `sk-proj-…Xy9Z`. Everything that prints a key goes through here.
 */
export function redactKey(key: string, prefix = ""): string {
  const known = prefix && key.startsWith(prefix) ? prefix : key.slice(0, Math.min(4, Math.floor(key.length / 4)));
  const tail = key.length >= 12 ? key.slice(-4) : "";
  return `${known}…${tail}`;
}
