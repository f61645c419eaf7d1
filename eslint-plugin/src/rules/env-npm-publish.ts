/**
 * env-npm-publish: an env file that `npm publish` of its package would put in the tarball (npm's
 * own rules: files, .npmignore, .gitignore fallback). Reported on the env file; the fix edits
 * package.json, .npmignore or .gitignore, so the extension applies it. The analysis is engine/npm-package.
 * Env files reach it through configs.recommended's env-file handling (the KeyFence parser's empty
 * Program today, the env-file processor once it lands); on code files it listens to nothing.
 */
import type * as Engine from "../engine/npm-package";
import type { envNpmPublishMessages } from "../engine/npm-package";
import { createRule } from "../util/create-rule";
import { fileKind, isReadableTextFile } from "../util/file-kind";
import { reportFindings } from "../util/report-finding";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

type MessageId = keyof typeof envNpmPublishMessages;

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/npm-package") as typeof Engine);

export default createRule<[], MessageId>({
  name: "env-npm-publish",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow env files that npm publish would ship",
      recommended: RULES["env-npm-publish"].severity,
    },
    schema: [],
    messages: RULES["env-npm-publish"].messages,
  },
  defaultOptions: [],
  create(context) {
    if (fileKind(context.physicalFilename) !== "env" || !isReadableTextFile(context.sourceCode.text)) return {};
    const { envFileNpmFindings } = engine();
    return {
      Program() {
        let findings: ReturnType<typeof envFileNpmFindings>;
        try {
          findings = envFileNpmFindings(context.physicalFilename, context.sourceCode.text);
        } catch {
          findings = [];
        }
        reportFindings(context, findings, {});
      },
    };
  },
});
