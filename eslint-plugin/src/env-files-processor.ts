/**
 * The processor of configs.recommended: how `.env*` and `.gitignore` files are linted without
 * any other plugin's rule ever seeing them.
 *
 * A config object without `files` (typescript-eslint's type-checked configs, most shareable
 * configs) applies to every file some other config matches, so once KeyFence matches `.env.local`
 * every such rule runs there too: type-aware rules throw ("You have used a rule which requires
 * type information") and text fixers such as `no-trailing-spaces` or `spaced-comment` rewrite
 * the file under `--fix`. ESLint has no way to keep other configs off a file, and a custom
 * language does not help: rules that do not declare `meta.languages` run on every language. A
 * processor that hands ESLint no code block does hold: nothing is parsed, no rule runs, and the
 * processor reports KeyFence's own findings for the file in `postprocess` (with `--fix` fixes,
 * suggestions and `# eslint-disable` comments, which it applies itself).
 *
 * Code files pass through unchanged: `preprocess` returns the text as the one block, which ESLint
 * lints with the file's own configuration exactly as it would without a processor.
 *
 * The price: ESLint applies a rule's configured severity only to what rules report, so in env
 * and .gitignore files the env rules report at the severity this processor is made with
 * (`envFilesProcessor({ "no-committed-env-keys": "warn" })`, default from engine/rules.ts).
 */
import type { Linter } from "eslint";
import { resolve } from "node:path";
import type * as EnvFiles from "./engine/env-files";
import type { Finding, FixPlan } from "./engine/finding";
import type * as Gitignore from "./engine/gitignore";
import type * as Ship from "./engine/ship/index";
import { RULES, messageOf, type Severity } from "./engine/rules";
import { MAX_TEXT_FILE_LENGTH, fileKind, isReadableTextFile, isTextWithNulBytes } from "./util/file-kind";
import { processorMessages, stripBom, type SeveritiesProcessor } from "./util/processor-messages";

/** The rules whose findings this processor reports in env and .gitignore files. */
export type EnvFileRule = "env-gitignore" | "no-committed-env-keys" | "env-dockerignore" | "env-npm-publish" | "no-shared-env-keys";
export type EnvFileSeverities = Partial<Record<EnvFileRule, Severity | "off">>;

const { version } = require("../package.json") as { version: string };

/** Which findings `--fix` applies, and under which message a plan is offered as a suggestion. */
const AUTOFIX = new Set(["missingEnvEntries"]);
const SUGGESTION_MESSAGE: Record<string, string> = {
  envReincluded: "removeLine",
  keyInTemplate: "emptyValue",
  keyInComment: "deleteComment",
  keyInUnreadLine: "deleteLine",
  publicSecretName: "renameWithoutPrefix",
};

export function envFilesProcessor(severities: EnvFileSeverities = {}): SeveritiesProcessor {
  const texts = new Map<string, string>();
  return {
    meta: { name: "keyfence/env-files", version },
    supportsAutofix: true,
    severities: { ...severities },
    preprocess(text, filename) {
      const kind = fileKind(filename);
      if (kind === "source") return [text];
      texts.set(filename, text);
      return [];
    },
    postprocess(messageLists, filename) {
      const text = texts.get(filename);
      if (text === undefined) return messageLists.flat();
      texts.delete(filename);
      const utf16 = utf16EnvText(filename, text);
      // ESLint writes fixes back as UTF-8 over its own decoding: a UTF-16 file gets reports only.
      if (utf16 !== undefined) return envFileMessages(filename, utf16, severities).map(({ fix: _fix, suggestions: _suggestions, ...message }) => message);
      return envFileMessages(filename, stripBom(text), severities);
    },
  };
}

function envFileMessages(filename: string, text: string, severities: EnvFileSeverities): Linter.LintMessage[] {
  const kind = fileKind(filename);
  // Binary, huge, or neither env nor .gitignore (`.env.json`): nothing to say, nothing to fix.
  // A .gitignore with a UTF-16 line is still read as git reads it, a pattern a line
  // (./engine/gitignore/file-cache), and reported; but never rewritten: its fixes are dropped.
  const nulBytes = kind === "gitignore" && isTextWithNulBytes(text);
  if ((kind !== "env" && kind !== "gitignore") || !(isReadableTextFile(text) || nulBytes)) return [];
  // The engines load with the first env file: a lint run of code files never needs them.
  const { envFileKeyFindings } = require("./engine/env-files") as typeof EnvFiles;
  const { envFileTrackingFindings, gitignoreFileFindings } = require("./engine/gitignore") as typeof Gitignore;
  const { envFileShipFindings } = require("./engine/ship/index") as typeof Ship;
  const findings = [
    ...(kind === "gitignore" ? safely(() => gitignoreFileFindings(filename, text)) : safely(() => envFileTrackingFindings(filename, text))),
    ...(kind === "env" ? safely(() => envFileKeyFindings(filename, text)) : []),
    // Other ways out: a Docker image, an npm tarball, the same key in another environment.
    ...(kind === "env" ? safely(() => envFileShipFindings(filename, text)) : []),
  ];
  return processorMessages(text, findings, severities, (finding) => (nulBytes ? {} : fixesOf(finding, filename)));
}

/**
 * ESLint decodes every file as UTF-8, so a UTF-16 env file (what PowerShell 5 writes) reaches the
 * processor full of NULs; its bytes on disk are decoded here instead. Undefined for other files.
 */
function utf16EnvText(filename: string, text: string): string | undefined {
  // A UTF-16 byte order mark read as UTF-8 is two replacement characters.
  if (fileKind(filename) !== "env" || !text.startsWith("\uFFFD\uFFFD") || !text.includes("\0")) return undefined;
  return (require("./engine/env-files") as typeof EnvFiles).readTextFile(filename, MAX_TEXT_FILE_LENGTH);
}

/** Plans that only replace text in this file: the first as `--fix` or each as a suggestion. */
function fixesOf(finding: Finding, filename: string): Pick<Linter.LintMessage, "fix" | "suggestions"> {
  const plans = (finding.fixes ?? []).filter((plan) => isInFile(plan, filename));
  if (plans.length === 0) return {};
  if (AUTOFIX.has(finding.messageId)) return { fix: editOf(plans[0]) };
  const messageId = SUGGESTION_MESSAGE[finding.messageId];
  if (!messageId) return {};
  const rule = RULES[finding.ruleId as EnvFileRule];
  const template = (rule?.messages as Record<string, string> | undefined)?.[messageId];
  return {
    suggestions: plans.map((plan) => ({
      messageId,
      desc: template ? messageOf({ ...finding, messageId }) : plan.title,
      fix: editOf(plan),
    })),
  };
}

/** ESLint takes one fix per message: the plan's edits (all in this file) merged into one. */
function editOf(plan: FixPlan): { range: [number, number]; text: string } {
  const edits = plan.edits.flatMap((edit) => (edit.kind === "replace" ? [edit] : [])).sort((a, b) => a.range.start - b.range.start);
  if (edits.length === 1) return { range: [edits[0].range.start, edits[0].range.end], text: edits[0].text };
  throw new Error(`a KeyFence fix plan for an env file has ${edits.length} edits`);
}

function isInFile(plan: FixPlan, filename: string): boolean {
  // Only single-edit plans: every env-file fix today is one replacement, and ESLint takes one per message.
  const [edit] = plan.edits;
  return plan.edits.length === 1 && edit.kind === "replace" && resolve(edit.file) === resolve(filename);
}

/** An unreadable folder or a git that misbehaves must not stop the lint run. */
function safely(run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch {
    return [];
  }
}
