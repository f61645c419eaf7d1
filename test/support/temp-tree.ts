/**
 * A throwaway project for a test that needs files on disk (a framework's config, a manifest, a
 * package.json beside code): `inTempTree(prefix, (root, write) => …)` makes a fresh folder under
 * the system temp folder (its real path, so the engine's resolved paths compare equal), hands the
 * test a `write(rel, text)` that creates the file and its folders and returns its path, and
 * removes the folder afterwards, whether the test passed or threw.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type WriteFile = (rel: string, text: string) => string;

export function inTempTree(prefix: string, test: (root: string, write: WriteFile) => void): void {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const write: WriteFile = (rel, text) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  try {
    test(root, write);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
