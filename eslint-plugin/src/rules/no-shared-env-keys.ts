/**
 * no-shared-env-keys: the same credential in `.env.development` and `.env.production` (compared by
 * digest). Reported on each env file of the pair. The analysis is engine/env-values.
 * Env files reach it through configs.recommended's env-file handling (the KeyFence parser's empty
 * Program today, the env-file processor once it lands); on code files it listens to nothing.
 */
import type * as Engine from "../engine/env-values";
import type { noSharedEnvKeysMessages } from "../engine/env-values";
import { createRule } from "../util/create-rule";
import { fileKind, isReadableTextFile } from "../util/file-kind";
import { reportFindings } from "../util/report-finding";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

type MessageId = keyof typeof noSharedEnvKeysMessages;

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/env-values") as typeof Engine);

export default createRule<[], MessageId>({
  name: "no-shared-env-keys",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow the same credential in env files of different environments",
      recommended: RULES["no-shared-env-keys"].severity,
    },
    schema: [],
    messages: RULES["no-shared-env-keys"].messages,
  },
  defaultOptions: [],
  create(context) {
    if (fileKind(context.physicalFilename) !== "env" || !isReadableTextFile(context.sourceCode.text)) return {};
    const { sharedKeyFindings } = engine();
    return {
      Program() {
        let findings: ReturnType<typeof sharedKeyFindings>;
        try {
          findings = sharedKeyFindings(context.physicalFilename, context.sourceCode.text);
        } catch {
          findings = [];
        }
        reportFindings(context, findings, {});
      },
    };
  },
});
