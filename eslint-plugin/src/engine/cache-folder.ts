/**
 * Where KeyFence keeps what it saves for a tree between `eslint --cache` runs (the client boundary's
 * and git state's fingerprints): `node_modules/.cache/keyfence/` under the tree, the usual home of
 * tools' caches, or the system temp folder when the tree has no node_modules.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function cacheFolder(root: string): string {
  return existsSync(join(root, "node_modules")) ? join(root, "node_modules", ".cache", "keyfence") : join(tmpdir(), "keyfence-cache");
}
