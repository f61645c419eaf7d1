/**
 * no-logged-keys: a provider key from the environment written to a log in full. The engine
 * (engine/logs) finds it; the text test inside it keeps files with no env read and no log call
 * to one pass over their text.
 */
import type * as Engine from "../engine/logs";
import type { noLoggedKeysMessages } from "../engine/logs";
import { createRule } from "../util/create-rule";
import { readsCode } from "../util/file-kind";
import { reportFindings, sourceFileOf } from "../util/report-finding";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/logs") as typeof Engine);

export default createRule<[], keyof typeof noLoggedKeysMessages>({
  name: "no-logged-keys",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow writing provider keys from the environment to logs",
      recommended: RULES["no-logged-keys"].severity,
    },
    hasSuggestions: true,
    messages: RULES["no-logged-keys"].messages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (!readsCode(context)) return {}; // env and .gitignore files, or a component block read whole
    const { findLoggedKeys } = engine();
    return {
      "Program:exit"() {
        let findings: ReturnType<typeof findLoggedKeys>;
        try {
          findings = findLoggedKeys(sourceFileOf(context));
        } catch {
          findings = []; // bad input never breaks a lint run
        }
        reportFindings(context, findings, { suggestion: "logWhetherSet" });
      },
    };
  },
});
