import type * as Engine from "../engine/client";
import type { noClientSecretsMessages } from "../engine/client";
import { createRule } from "../util/create-rule";
import { readsCode } from "../util/file-kind";
import { reportFindings, sourceFileOf } from "../util/report-finding";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

type Options = [{ reportNonSecretReads?: boolean }];

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/client") as typeof Engine);

export default createRule<Options, keyof typeof noClientSecretsMessages>({
  name: "no-client-secrets",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow reading server secrets in code that reaches the browser",
      recommended: RULES["no-client-secrets"].severity,
    },
    messages: RULES["no-client-secrets"].messages,
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          reportNonSecretReads: {
            type: "boolean",
            description: "Also report non-public env reads that are not secrets (they are undefined in the browser).",
          },
        },
      },
    ],
    defaultOptions: [{ reportNonSecretReads: false }],
  },
  create(context, [options]) {
    if (!readsCode(context)) return {}; // env and .gitignore files, or a component block read whole
    const { findClientSecrets } = engine();
    return {
      "Program:exit"() {
        reportFindings(context, findClientSecrets(sourceFileOf(context), options));
      },
    };
  },
});
