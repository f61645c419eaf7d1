/**
 * Packages that refuse `npm publish` from their own folder. Generated SDKs (Stainless: the
 * openai, anthropic and groq SDKs among them) build into `dist/` and publish from there; the
 * repository root's package.json stops a publish from the root with
 *   "prepublishOnly": "echo 'to publish, run yarn build && (cd dist; yarn publish)' && exit 1"
 * npm runs `prepack` (pack and publish) and `prepublishOnly` (publish) before it uploads
 * anything, so when one of them always fails, nothing in this folder reaches the registry, even
 * though `npm pack --dry-run` (which skips scripts) lists an env file. Found on groq-sdk.
 *
 * "Always fails" is read narrowly: the script's last command is `exit N` (N > 0), joined by `&&`
 * or `;`, and the script has no `||`, `if` or `case` that could skip it. Anything else counts
 * as a publish that goes ahead (the report is kept).
 */
import type { PackageJson } from "./packlist";

const GUARD_SCRIPTS = ["prepublishOnly", "prepack"] as const;

export function refusesPublishHere(pkg: PackageJson): boolean {
  const scripts = pkg.scripts;
  if (!scripts || typeof scripts !== "object") return false;
  return GUARD_SCRIPTS.some((name) => {
    const script = (scripts as Record<string, unknown>)[name];
    return typeof script === "string" && alwaysFails(script);
  });
}

function alwaysFails(script: string): boolean {
  if (script.includes("||") || /\b(?:if|case)\b/.test(script)) return false;
  const commands = script.split(/&&|;/);
  const last = commands[commands.length - 1].trim();
  return /^exit\s+0*[1-9]\d*$/.test(last);
}
