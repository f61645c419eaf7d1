import type * as Engine from "../engine/client";
import type { noClientAiCallsMessages } from "../engine/client";
import { createRule } from "../util/create-rule";
import { readsCode } from "../util/file-kind";
import { reportFindings, sourceFileOf } from "../util/report-finding";
import { RULES } from "../engine/rules";

export default createRule<[], keyof typeof noClientAiCallsMessages>({
  name: "no-client-ai-calls",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow calling AI provider APIs with a key from browser code",
      recommended: RULES["no-client-ai-calls"].severity,
    },
    messages: RULES["no-client-ai-calls"].messages,
    schema: [],
  },
  create(context) {
    if (!readsCode(context)) return {}; // env and .gitignore files, or a component block read whole
    // The engine loads with the first file this rule lints: importing the plugin stays cheap.
    const { findClientAiCalls } = require("../engine/client") as typeof Engine;
    return {
      "Program:exit"() {
        reportFindings(context, findClientAiCalls(sourceFileOf(context)));
      },
    };
  },
});
