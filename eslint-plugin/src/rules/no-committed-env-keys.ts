/**
 * no-committed-env-keys: a real provider key in an env file that git commits (a template such
 * as `.env.example`, a tracked file, a file nothing ignores) is a hardcoded key; a secret
 * with a public prefix (NEXT_PUBLIC_OPENAI_API_KEY) ships to the browser. Runs on env files,
 * which configs.recommended lints through the KeyFence parser (an empty Program: the rule reads
 * the file's text); silent on every other file. The analysis is engine/env-files.
 */
import type * as Engine from "../engine/env-files";
import type { envKeyMessages } from "../engine/env-files";
import { createRule } from "../util/create-rule";
import { fileKind, isReadableTextFile } from "../util/file-kind";
import { reportFindings } from "../util/report-finding";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

type MessageId = keyof typeof envKeyMessages;

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/env-files") as typeof Engine);

export default createRule<[], MessageId>({
  name: "no-committed-env-keys",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow provider keys in env files that git commits, and secrets with public prefixes",
      recommended: RULES["no-committed-env-keys"].severity,
    },
    hasSuggestions: true,
    schema: [],
    messages: RULES["no-committed-env-keys"].messages,
  },
  create(context) {
    if (fileKind(context.physicalFilename) !== "env") return {};
    const { envFileKeyFindings } = engine();
    // Binary or huge: parsed as empty; reporting on it could only mislead.
    if (!isReadableTextFile(context.sourceCode.text)) return {};
    return {
      Program() {
        let findings: ReturnType<typeof envFileKeyFindings>;
        try {
          findings = envFileKeyFindings(context.physicalFilename, context.sourceCode.text);
        } catch {
          findings = [];
        }
        reportFindings(context, findings, { suggestion: { keyInTemplate: "emptyValue", keyInComment: "deleteComment", keyInUnreadLine: "deleteLine", publicSecretName: "renameWithoutPrefix" } });
      },
    };
  },
});
