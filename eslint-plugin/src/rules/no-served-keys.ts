/**
 * no-served-keys: a provider key from the environment sent in a response (an endpoint, a serverless
 * handler's return), where whoever makes the request reads it. The engine (engine/responses) finds it; its text
 * test keeps files with no env read to one pass over their text.
 */
import type * as Engine from "../engine/responses";
import type { noServedKeysMessages } from "../engine/responses/messages";
import { createRule } from "../util/create-rule";
import { readsCode } from "../util/file-kind";
import { reportFindings, sourceFileOf } from "../util/report-finding";
import { RULES } from "../engine/rules";

export default createRule<[], keyof typeof noServedKeysMessages>({
  name: "no-served-keys",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow sending provider keys from the environment in responses",
      recommended: RULES["no-served-keys"].severity,
    },
    messages: RULES["no-served-keys"].messages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (!readsCode(context)) return {}; // env and .gitignore files, or a component block read whole
    // The engine loads with the first file this rule lints: importing the plugin stays cheap.
    const { findServedKeys } = require("../engine/responses") as typeof Engine;
    return {
      "Program:exit"() {
        let findings: ReturnType<typeof findServedKeys>;
        try {
          findings = findServedKeys(sourceFileOf(context));
        } catch {
          findings = []; // bad input never breaks a lint run
        }
        reportFindings(context, findings);
      },
    };
  },
});
