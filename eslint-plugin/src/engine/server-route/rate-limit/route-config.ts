/**
 * React Router 7's route config: `app/routes.ts` names each route module by its path from `app/`
 * (`route("interviews/:id", "./screens/candidate/interview.tsx")`), so a module outside
 * `app/routes/` may be one, with a `loader` and an `action` the server runs
 * (NorSoftEngineering/elevenlabs-hackaton's `app/screens/`, batch 65).
 *
 *   isConfiguredRouteModule(file) → whether the `app/routes.ts` above `file` names it
 *
 * The config is read as text (its string literals ending in a module extension), once per
 * second at most per app folder: files under a Next.js `app/` ask too, and have no such config.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const CONFIG_NAMES = ["routes.ts", "routes.js", "routes.mts", "routes.mjs"];
const FRESH_MS = 1000;
/** A quoted module path: `"./screens/home.tsx"`, `'routes/chat.ts'`. Bounded, one pass. */
const MODULE_PATH = /["'`]((?:\.\/)?[\w@$+().[\]/-]{1,300}\.[cm]?[jt]sx?)["'`]/g;

const configs = new Map<string, { checkedAt: number; stamp: string; modules: ReadonlySet<string> }>();

export function isConfiguredRouteModule(file: string): boolean {
  const unix = file.replace(/\\/g, "/");
  const at = unix.lastIndexOf("/app/");
  if (at < 0) return false;
  const appDir = unix.slice(0, at + 4);
  const relative = unix.slice(at + 5);
  return modulesOf(appDir).has(relative);
}

function modulesOf(appDir: string): ReadonlySet<string> {
  const now = Date.now();
  const cached = configs.get(appDir);
  if (cached && now - cached.checkedAt < FRESH_MS) return cached.modules;
  let stamp = "";
  let text = "";
  for (const name of CONFIG_NAMES) {
    try {
      const stat = fs.statSync(path.join(appDir, name));
      if (stat.size > 256 * 1024) break;
      stamp = `${name}:${stat.mtimeMs}:${stat.size}`;
      if (cached?.stamp !== stamp) text = fs.readFileSync(path.join(appDir, name), "utf8");
      break;
    } catch {
      // not this name
    }
  }
  if (cached && cached.stamp === stamp) {
    cached.checkedAt = now;
    return cached.modules;
  }
  const modules = new Set<string>();
  for (const match of text.matchAll(MODULE_PATH)) modules.add(path.posix.normalize(match[1]).replace(/^\.\//, ""));
  if (configs.size > 100) configs.clear();
  configs.set(appDir, { checkedAt: now, stamp, modules });
  return modules;
}
