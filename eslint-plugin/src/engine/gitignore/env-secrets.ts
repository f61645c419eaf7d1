/** Does an env file's text hold a secret: a provider key, or a non-empty value under a secret-looking name. */
import { isSecretEnvName } from "../client/env-names";
import { parseEnvFile } from "../env-files/parse";
import { scanText } from "../keys";

export function holdsSecrets(text: string): boolean {
  return parseEnvFile(text).some(
    (entry) => entry.value !== "" && (isSecretEnvName(entry.name) || scanText(entry.value, { context: [entry.name] }).length > 0),
  );
}
