/**
 * no-served-keys: a provider key from the environment sent in a response (an endpoint, a serverless
 * handler's return), where whoever makes the request reads it. The engine (engine/responses) finds it; its text
 * test keeps files with no env read to one pass over their text, and the nodes it reads are gathered
 * during ESLint's traversal.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type * as Engine from "../engine/responses";
import type { ServedKeyNodes } from "../engine/responses";
import { isComponentFile } from "../engine/component-code";
import type { noServedKeysMessages } from "../engine/responses/messages";
import { createRule } from "../util/create-rule";
import { readsCode } from "../util/file-kind";
import { reportFindings, sourceFileOf } from "../util/report-finding";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/responses") as typeof Engine);

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
    const { findServedKeys, mayServe, mayWriteResponse } = engine();
    // No env read nor import of the app's own modules beside a response write: nothing to gather.
    const may = mayServe(context.sourceCode.text);
    if (!may) return {};
    const report = (nodes?: ServedKeyNodes) => {
      let findings: ReturnType<typeof findServedKeys>;
      try {
        findings = findServedKeys(sourceFileOf(context), nodes);
      } catch {
        findings = []; // bad input never breaks a lint run
      }
      reportFindings(context, findings);
    };
    // A component's code is the engine's own tree of its scripts, not the tree ESLint walks.
    if (isComponentFile(context.filename)) return { "Program:exit": () => report() };
    // The nodes the engine reads, gathered during ESLint's own traversal rather than a second walk.
    const nodes: ServedKeyNodes = { declarators: [], writes: [], may };
    const write = (node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression) => void (mayWriteResponse(node) && nodes.writes.push(node));
    return {
      VariableDeclarator: (node) => void nodes.declarators.push(node),
      CallExpression: write,
      NewExpression: write,
      AssignmentExpression: write,
      "Program:exit": () => report(nodes),
    };
  },
});
