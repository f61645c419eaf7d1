import type { TSESTree } from "@typescript-eslint/utils";
import type * as Engine from "../engine/client";
import type { AiCallNodes, noClientAiCallsMessages } from "../engine/client";
import { isComponentFile } from "../engine/component-code";
import { createRule } from "../util/create-rule";
import { readsCode } from "../util/file-kind";
import { reportFindings, sourceFileOf } from "../util/report-finding";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/client") as typeof Engine);

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
    const { browserUseWords, fetchesImportedAiUrl, findClientAiCalls, isDirectAccessAssignment, isDirectAccessProperty, isHeaderSet, mayCallAi } = engine();
    // No provider host, header, flag or SDK in use in the text, nor a request to a URL imported
    // from a module that names one: nothing to gather or report.
    if (!mayCallAi(context.sourceCode.text) && !fetchesImportedAiUrl(context.sourceCode.text, context.filename)) return {};
    // A component's code is the engine's own tree of its scripts, not the tree ESLint walks.
    if (isComponentFile(context.filename)) return { "Program:exit": () => reportFindings(context, findClientAiCalls(sourceFileOf(context))) };
    // The nodes the engine reads, gathered during ESLint's own traversal rather than a second walk
    // of the tree (in source order, as the engine's walk would give them).
    // The direct-access header is found by its name only: a text that never spells it has no property to ask.
    const browserUse = browserUseWords(context.sourceCode.text);
    const header = browserUse.header;
    const nodes: AiCallNodes = { declarators: [], requests: [], directAccess: [], browserUse };
    return {
      VariableDeclarator: (node) => void nodes.declarators.push(node),
      CallExpression: (node) => void nodes.requests.push(node),
      NewExpression: (node) => void nodes.requests.push(node),
      ...(header && { Property: (node: TSESTree.Property) => void (isDirectAccessProperty(node) && nodes.directAccess.push(node)) }),
      AssignmentExpression: (node) => {
        if (header && isDirectAccessAssignment(node)) nodes.directAccess.push(node);
        else if (isHeaderSet(node)) (nodes.headerSets ??= []).push(node);
      },
      "Program:exit"() {
        reportFindings(context, findClientAiCalls(sourceFileOf(context), { nodes }));
      },
    };
  },
});
