/** Messages of `env-gitignore`, shared by the ESLint rule and the extension. */
import type { Messages } from "../finding";

export const ENV_GITIGNORE_RULE = "env-gitignore";

export const envGitignoreMessages = {
  missingEnvEntries: "Nothing in .gitignore stops git from committing {{files}}{{note}}. Add {{entries}} to this .gitignore.",
  noGitignore:
    "This repository has no .gitignore at its root, so `git add .` would commit {{files}}{{note}}. Create {{gitignore}} with {{entries}}.",
  envReincluded:
    "`{{pattern}}` re-includes {{files}}, so git would commit it with its keys. Remove this line unless the file never holds a key.",
  trackedEnvFile:
    "git tracks {{path}}, so every key in it is in the repository's history. Rotate those keys, then untrack the file (`git rm --cached {{path}}`) and ignore it.",
  removeLine: "Remove `{{pattern}}`",
} satisfies Messages;

export type EnvGitignoreMessageId = keyof typeof envGitignoreMessages;

/** ".env, .env.local and 3 more": short enough for one diagnostic line. */
export function listForMessage(items: string[], max = 4): string {
  const quoted = items.map((item) => `\`${item}\``);
  if (quoted.length <= 1) return quoted.join("");
  if (quoted.length > max) return `${quoted.slice(0, max).join(", ")} and ${quoted.length - max} more`;
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}
