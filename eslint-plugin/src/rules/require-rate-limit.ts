/**
 * require-rate-limit: a server route that calls an AI provider with no rate limit lets one client
 * spend the whole quota. The analysis is engine/server-route (findUnlimitedAiRoutes).
 */
import type { TSESTree } from "../engine/ast";
import type * as Engine from "../engine/server-route";
import type { REQUIRE_RATE_LIMIT_MESSAGES } from "../engine/server-route";
import { createRule } from "../util/create-rule";
import { reportFindings, sourceFileOf } from "../util/report-finding";
import { isSourceFile } from "../util/file-kind";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

type Options = [{ limiterNames?: string[] }];

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/server-route") as typeof Engine);

export default createRule<Options, keyof typeof REQUIRE_RATE_LIMIT_MESSAGES>({
  name: "require-rate-limit",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require a rate limit on server routes that call an AI provider",
      recommended: RULES["require-rate-limit"].severity,
    },
    hasSuggestions: true,
    messages: RULES["require-rate-limit"].messages,
    schema: [
      {
        type: "object",
        properties: {
          limiterNames: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Names of your own functions or objects that apply a rate limit (in addition to names containing rateLimit, limiter or throttle).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ limiterNames: [] }],
  },
  create(context, [options]) {
    if (!isSourceFile(context.filename)) return {}; // env and .gitignore files: not code
    const { findUnlimitedAiRoutes } = engine();
    return {
      "Program:exit"(program) {
        // At Program:exit ESLint has set every node's parent: no second walk needed.
        const source = sourceFileOf(context, program as TSESTree.Program);
        let findings: ReturnType<typeof findUnlimitedAiRoutes>;
        try {
          findings = findUnlimitedAiRoutes(source, { limiterNames: options.limiterNames });
        } catch {
          findings = []; // bad input never breaks a lint run
        }
        // The add-a-limit plan edits this file only, so ESLint can offer it as a suggestion.
        reportFindings(context, findings, { suggestion: "addInMemoryRateLimit" });
      },
    };
  },
});
