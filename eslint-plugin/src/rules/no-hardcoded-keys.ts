/**
 * no-hardcoded-keys: a provider API key written in code (strings, templates, JSX, comments).
 * The analysis is engine/keys/hardcoded-keys.ts; this file only turns its findings into reports.
 */
import type { FixPlan, Finding } from "../engine/finding";
import { formatMessage } from "../engine/finding";
import type * as Engine from "../engine/keys/hardcoded-keys";
import type { HardcodedKeyMessageId, HardcodedKeysOptions } from "../engine/keys/hardcoded-keys";
import { hardcodedKeyMessages } from "../engine/keys/messages";
import { createRule } from "../util/create-rule";
import { reportFindings, sourceFileOf } from "../util/report-finding";
import { readsCode } from "../util/file-kind";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

type Options = [HardcodedKeysOptions];

const SUGGESTION_IDS: HardcodedKeyMessageId[] = ["useEnvVar", "removeFallback"];

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/keys/hardcoded-keys") as typeof Engine);

export default createRule<Options, HardcodedKeyMessageId>({
  name: "no-hardcoded-keys",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow AI provider API keys written in source code",
      recommended: RULES["no-hardcoded-keys"].severity,
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          allow: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Regular expressions (as strings); a key matching any of them is not reported.",
          },
          ignoreFiles: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Globs of files not to check, relative to ESLint's working directory (a pattern without '/' matches at any depth).",
          },
        },
      },
    ],
    messages: RULES["no-hardcoded-keys"].messages,
    defaultOptions: [{ allow: [], ignoreFiles: [] }],
  },
  create(context, [options]) {
    if (!readsCode(context)) return {}; // env and .gitignore files, or a component block read whole
    const { findHardcodedKeys } = engine();
    return {
      Program(program) {
        const findings = findHardcodedKeys(sourceFileOf(context, program), {
          allow: options.allow,
          ignoreFiles: options.ignoreFiles,
          cwd: context.cwd,
        });
        reportFindings(context, findings, { suggestion: suggestionFor });
      },
    };
  },
});

/** An in-file plan is offered under the message whose text is the plan's title. */
function suggestionFor(plan: FixPlan, finding: Finding): { messageId: HardcodedKeyMessageId; data: Record<string, string> } | undefined {
  const envRead = plan.edits[0]?.kind === "replace" ? plan.edits[0].text : "";
  const data = { ...finding.data, envRead };
  const messageId = SUGGESTION_IDS.find((id) => formatMessage(hardcodedKeyMessages[id], data) === plan.title);
  return messageId ? { messageId, data } : undefined;
}
