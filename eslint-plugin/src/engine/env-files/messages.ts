/** Messages of `no-committed-env-keys`, shared by the ESLint rule and the extension. */
import { noPublicSecretsMessages } from "../client/messages";
import type { Messages } from "../finding";

export const ENV_KEYS_RULE = "no-committed-env-keys";

export const envKeyMessages = {
  keyInTemplate:
    "{{provider}} {{kind}} {{key}} in {{file}}, a template meant to be committed: anyone with the repository can use it. Replace it with an empty value and rotate the key.{{history}}",
  keyInTrackedFile:
    "{{provider}} {{kind}} {{key}} in {{file}}, which git tracks: the key is in the repository's history. Rotate it, then untrack the file (`git rm --cached {{path}}`).{{history}}",
  keyNotIgnored:
    "{{provider}} {{kind}} {{key}} in {{file}}, which git would commit{{note}}. Add the file to .gitignore before the next `git add`.{{history}}",
  keyTrackingUnknown:
    "{{provider}} {{kind}} {{key}} in {{file}}, which no .gitignore covers{{note}}, and git could not be asked whether it already tracks the file ({{gitProblem}}). If git tracks it, the key is in the repository's history: rotate it and untrack the file (`git rm --cached {{path}}`); if not, add the file to .gitignore before the next `git add`.{{history}}",
  keyInComment:
    "{{provider}} {{kind}} {{key}} in a comment in {{file}}, {{reason}}: commenting a key out does not take it out of the repository. Delete the comment and rotate the key.{{history}}",
  keyInUnreadLine:
    "{{provider}} {{kind}} {{key}} on a line of {{file}} that dotenv reads no variable from (the format is NAME=value), {{reason}}: the key is in the repository all the same. Delete the line and rotate the key.{{history}}",
  /** The same words as no-public-secrets uses in code, so both reports read alike. */
  publicSecretName: noPublicSecretsMessages.publicSecret,
  emptyValue: "Leave {{name}} empty in the template",
  deleteComment: "Delete the comment",
  deleteLine: "Delete the line",
  renameWithoutPrefix: "Rename to {{bare}}",
} satisfies Messages;

export type EnvKeyMessageId = keyof typeof envKeyMessages;

/** Which tool inlines variables with this prefix, for messages. */
export const FRAMEWORK_OF_PREFIX: Record<string, string> = {
  NEXT_PUBLIC_: "Next.js",
  NUXT_PUBLIC_: "Nuxt",
  EXPO_PUBLIC_: "Expo",
  REACT_APP_: "Create React App",
  VUE_APP_: "Vue CLI",
  GATSBY_: "Gatsby",
  VITE_: "Vite",
  PLASMO_PUBLIC_: "Plasmo",
  NG_APP_: "@ngx-env/builder",
  PUBLIC_: "SvelteKit/Astro",
};
