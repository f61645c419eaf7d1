// Compares the pinned list of @ai-sdk/* packages (test/engine/providers/ai-sdk-packages.json) with
// what the npm registry lists today, and prints the packages the list does not know yet.
//
//   npm search --json --searchlimit 250 @ai-sdk/ | node scripts/refresh-ai-sdk-packages.mjs
//
// Each new name must be added by hand, under "providers" (with the catalogue id that covers it)
// or "notProviders" (UI bindings, tooling): the coverage test then checks it.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const pinnedFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "test", "engine", "providers", "ai-sdk-packages.json");
const pinned = JSON.parse(fs.readFileSync(pinnedFile, "utf8")).aiSdk;
const known = new Set([...Object.keys(pinned.providers), ...pinned.notProviders]);

let input = "";
for await (const chunk of process.stdin) input += chunk;
let results;
try {
  results = JSON.parse(input);
} catch {
  console.error("Expected the JSON output of `npm search --json @ai-sdk/` on stdin.");
  process.exit(2);
}
const published = new Set(results.map((entry) => entry.name).filter((name) => typeof name === "string" && name.startsWith("@ai-sdk/")));
const added = [...published].filter((name) => !known.has(name)).sort();
const gone = [...known].filter((name) => !published.has(name)).sort();
console.log(added.length ? `Not in the pinned list yet (classify each):\n  ${added.join("\n  ")}` : "No new @ai-sdk/* packages.");
if (gone.length) console.log(`Pinned but not in this search result (the search may have been cut short):\n  ${gone.join("\n  ")}`);
process.exit(added.length ? 1 : 0);
