import type * as Engine from "../engine/client";
import type { noPublicSecretsMessages } from "../engine/client";
import { createRule } from "../util/create-rule";
import { readsCode } from "../util/file-kind";
import { reportFindings, sourceFileOf } from "../util/report-finding";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

type Options = [{ allow?: string[] }];

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/client") as typeof Engine);

export default createRule<Options, keyof typeof noPublicSecretsMessages>({
  name: "no-public-secrets",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow secrets in public-prefixed env vars and build-time env blocks",
      recommended: RULES["no-public-secrets"].severity,
    },
    hasSuggestions: true,
    messages: RULES["no-public-secrets"].messages,
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          allow: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Env var names that are publishable in your project and never reported.",
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  create(context, [options]) {
    if (!readsCode(context)) return {}; // env and .gitignore files, or a component block read whole
    const { findPublicSecrets } = engine();
    return {
      "Program:exit"() {
        reportFindings(context, findPublicSecrets(sourceFileOf(context), options), { suggestion: "renameToServerName" });
      },
    };
  },
});
