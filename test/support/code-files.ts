/** Every JS/TS source file under `dir` (no node_modules, no .d.ts), for tests over real code. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function codeFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) codeFiles(path, out);
    else if (/\.[cm]?[jt]sx?$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}
