/**
 * A CI workflow that hands a repository secret to a public-prefixed build variable: the bundler
 * then writes the secret into the site every visitor downloads. Iceman-Dann/QuivioAI (batch 41)
 * deploys to GitHub Pages after `echo "VITE_GEMINI_API_KEY=${{ secrets.GEMINI_API_KEY }}" >> .env`;
 * the same happens with a step's `env:` block (`VITE_OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}`).
 * Storing the key as a secret keeps it out of the repository, not out of the bundle.
 *
 *   workflowPublicSecretFindings(file, text) → no-public-secrets findings, on the variable's name
 *
 * GitHub Actions workflows only (`.github/workflows/*.yml`), where `${{ secrets.X }}` is the
 * syntax. The name must look like a secret (engine/client/env-names' test, as for env files), so
 * `VITE_SUPABASE_URL: ${{ secrets.SUPABASE_URL }}` or an anon key stays quiet. Line by line, with
 * bounded patterns: linear on any text.
 */
import { isSecretEnvName, publicPrefixOf, unprefixedName } from "../client/env-names";
import { FRAMEWORK_OF_PREFIX } from "../env-files/messages";
import type { Finding } from "../finding";

const WORKFLOW = /(?:^|[\\/])\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/;
/**
 * `NAME: ${{ secrets.X }}` (a YAML mapping, the key maybe quoted) or `NAME=${{ secrets.X }}` (shell,
 * an `echo … >> .env`), also with a fallback for forks that have no secret:
 * `${{ secrets.X || 'test-key' }}` (romiteld/eva-assistant's test workflow, batch 73).
 */
const ASSIGNED_SECRET = /(?:^|[\s"'`(])["']?([A-Z][A-Z0-9_]{2,100})["']?\s{0,10}(?::|=)\s{0,10}["']?\$\{\{\s{0,10}(secrets\.[A-Za-z0-9_]{1,100})\s{0,10}(?:\|\|[^{}\n]{0,200})?\}\}/g;

export function workflowPublicSecretFindings(file: string, text: string): Finding[] {
  if (!WORKFLOW.test(file) || !text.includes("secrets.")) return [];
  const findings: Finding[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    if (line.includes("secrets.") && !line.trimStart().startsWith("#")) {
      for (const match of line.matchAll(ASSIGNED_SECRET)) {
        const name = match[1];
        const prefix = publicPrefixOf(name);
        if (!prefix || !isSecretEnvName(name)) continue;
        const start = lineStart + match.index + match[0].indexOf(name);
        findings.push({
          ruleId: "no-public-secrets",
          messageId: "publicSecretFromCi",
          data: { name, prefix, secret: match[2], unprefixed: unprefixedName(name), framework: FRAMEWORK_OF_PREFIX[prefix] ?? "The bundler" },
          file,
          range: { start, end: start + name.length },
        });
      }
    }
    lineStart += line.length + 1;
  }
  return findings;
}
