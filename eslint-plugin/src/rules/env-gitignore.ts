/**
 * env-gitignore: `.env`, `.env.local` and `.env.*.local` must be ignored by git, and no env
 * file (templates aside) may be tracked. Each problem is reported once, where it is fixed:
 * - missing entries: on the repository root's .gitignore, autofixed by appending them;
 * - a `!` pattern re-including an env file: on that line;
 * - a tracked env file: on the file;
 * - no .gitignore at all: on the repository's topmost eslint.config.* (a JS file).
 * configs.recommended lints .gitignore and env files through the KeyFence parser (an empty
 * Program); the rule reads their text on `Program`. On any other JS/TS file it listens to nothing.
 * The analysis is engine/gitignore; this rule only reports.
 */
import { basename } from "node:path";
import type * as Engine from "../engine/gitignore";
import type { envGitignoreMessages } from "../engine/gitignore";
import { isEslintConfigName } from "../engine/gitignore/eslint-config-name";
import { createRule } from "../util/create-rule";
import { fileKind, isReadableTextFile } from "../util/file-kind";
import { reportFindings } from "../util/report-finding";
import { RULES } from "../engine/rules";
import { plainModule } from "../util/plain-module";

type MessageId = keyof typeof envGitignoreMessages;

const AUTOFIX = new Set(["missingEnvEntries"]);

/** The engine loads with the first file this rule lints: importing the plugin stays cheap (util/plain-module). */
const engine = plainModule(() => require("../engine/gitignore") as typeof Engine);

export default createRule<[], MessageId>({
  name: "env-gitignore",
  meta: {
    type: "problem",
    docs: {
      description: "Require .gitignore to ignore .env, .env.local and .env.*.local, and report env files git tracks",
      recommended: RULES["env-gitignore"].severity,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: RULES["env-gitignore"].messages,
  },
  create(context) {
    const file = context.physicalFilename;
    const text = context.sourceCode.text;
    const kind = fileKind(file);
    // Most linted files are source files that are not an ESLint config: nothing to listen to,
    // and no gitignore engine to load (it loads with the first file that needs it).
    if (kind === "other" || (kind === "source" && !isEslintConfigName(basename(file)))) return {};
    const { envFileTrackingFindings, gitignoreFileFindings, repositoryAnchorFindings } = engine();
    const report = (findings: ReturnType<typeof gitignoreFileFindings>) =>
      reportFindings(context, findings, { autofix: AUTOFIX, suggestion: { envReincluded: "removeLine" } });
    switch (kind) {
      case "gitignore":
        return isReadableTextFile(text) ? { Program: () => report(safely(() => gitignoreFileFindings(file, text))) } : {};
      case "env":
        return isReadableTextFile(text) ? { Program: () => report(safely(() => envFileTrackingFindings(file, text))) } : {};
      case "source":
        return { Program: () => report(safely(() => repositoryAnchorFindings(file))) };
      default:
        return {};
    }
  },
});

/** An unreadable folder or a git that misbehaves must not stop the lint run. */
function safely<T>(run: () => T[]): T[] {
  try {
    return run();
  } catch {
    return [];
  }
}
