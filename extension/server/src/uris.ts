/** file: URIs ↔ paths. The engine works on absolute paths; LSP speaks URIs. */
import { fileURLToPath, pathToFileURL } from "node:url";

/** The path of a file: URI, or undefined for any other scheme (untitled, git, …). */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
