import * as fs from "node:fs";
import * as path from "node:path";

export const APPS = path.resolve(__dirname, "../fixtures/apps");

/** A RuleTester case for a real file of a fixture app: its path and its text on disk. */
export function appFile(app: string, rel: string): { name: string; filename: string; code: string } {
  const filename = path.join(APPS, app, rel);
  return { name: `${app}/${rel}`, filename, code: fs.readFileSync(filename, "utf8") };
}
