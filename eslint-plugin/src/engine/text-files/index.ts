/**
 * Keys in files that are neither code nor env files (host-free): a Dockerfile, a compose file,
 * YAML, JSON, Python, shell, TOML, `.properties`. What `keyfence.configs.files` reports in CI.
 *
 *   textFileKeyFindings(file, text)
 *     - no-docker-keys in a Dockerfile's ENV/ARG and a compose file's `environment:` (with their fix);
 *     - no-hardcoded-keys for every other key: self-identifying formats anywhere, and formats
 *       that need a context word only when a name for the provider sits just before the key
 *       (`MISTRAL_API_KEY=`, `mistral_api_key:`), as scanText reads it. A key no-docker-keys
 *       reports is not reported twice;
 *     - no-public-secrets in a GitHub Actions workflow that fills a public-prefixed build
 *       variable from a repository secret (./workflow-secrets).
 * Bad input gives no findings, never an exception; scanText stays linear (tested at 1 MB).
 */
import { composeKeyFindings, dockerfileKeyFindings } from "../docker/index";
import type { Finding } from "../finding";
import { scanText } from "../keys/index";
import { hardcodedKeyFinding } from "../keys/hardcoded-keys";
import { shipFileKind } from "../ship/index";
import { workflowPublicSecretFindings } from "./workflow-secrets";

export function textFileKeyFindings(file: string, text: string): Finding[] {
  const docker = guarded(() => dockerKeyFindings(file, text));
  const keys = guarded(() => scanText(text).map((match) => hardcodedKeyFinding(file, match)));
  const unreported = keys.filter((key) => !docker.some((d) => d.range.start < key.range.end && key.range.start < d.range.end));
  const workflow = guarded(() => workflowPublicSecretFindings(file, text));
  return [...docker, ...unreported, ...workflow].sort((a, b) => a.range.start - b.range.start);
}

function dockerKeyFindings(file: string, text: string): Finding[] {
  switch (shipFileKind(file)) {
    case "dockerfile":
      return dockerfileKeyFindings(file, text);
    case "compose":
      return composeKeyFindings(file, text);
    default:
      return [];
  }
}

function guarded(run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch {
    return [];
  }
}
