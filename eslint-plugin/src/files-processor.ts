/**
 * The processor of configs.files: provider keys in files ESLint does not lint as code
 * (Dockerfile, compose files, YAML, JSON, Python, shell, TOML, `.properties`, Markdown, text), for CI, without
 * disturbing any other plugin.
 *
 * Two things must hold, and a processor cannot see the configuration to choose between them:
 * - Nobody else lints the file (a Dockerfile, a `.py`, a `.yaml` in most projects): ESLint must
 *   not parse it or run any rule on it. A config object without `files` (shareable configs,
 *   typescript-eslint's type-checked ones) applies to every file some config matches, so its
 *   rules would run on the YAML (type-aware rules throw; text fixers rewrite it).
 * - Another plugin lints it (eslint-plugin-jsonc, eslint-plugin-yml, @eslint/json,
 *   eslint-plugin-toml, each with `files: ["**\/*.json"]` and the like): its parser and rules
 *   must run as before, fixes included.
 * ESLint decides this itself for a named code block: it lints the block `data.json/0_data.json`
 * only when some config object's `files` matches that path (ESLint's `filterCodeBlock`), and
 * with the file's own configuration when the text and extension are unchanged. So `preprocess`
 * returns the whole text as one block named like the file, configs.files' `ignores` keep
 * KeyFence's own config off block paths, and `postprocess` returns the block's messages
 * unchanged (same text, same offsets, fixes kept) followed by KeyFence's findings.
 *
 * Known limit: a config that names one file exactly (`files: ["**\/package.json"]`) does not
 * match the block path `package.json/0_package.json`, so its rules stop running on that file
 * once configs.files takes it. Such a config adds the block path as `"**\/package.json/*.json"`
 * (a pattern ending in `/*` alone counts as universal and matches nothing by itself), or the
 * file goes into configs.files' `ignores` (see docs/configs-files.md).
 *
 * Findings honour `# eslint-disable…` comment lines (YAML, Python, shell, TOML, properties,
 * Dockerfile) and `<!-- eslint-disable… -->` lines (Markdown). Severities: `filesProcessor({ "no-hardcoded-keys": "warn" })`.
 */
import type { Linter } from "eslint";
import { basename, resolve } from "node:path";
import type { Finding, FixPlan } from "./engine/finding";
import type { Severity } from "./engine/rules";
import type * as TextFiles from "./engine/text-files/index";
import { processorMessages, stripBom, type SeveritiesProcessor } from "./util/processor-messages";
import { isReadableTextFile } from "./util/file-kind";

export type TextFileRule = "no-hardcoded-keys" | "no-docker-keys" | "no-public-secrets";
export type TextFileSeverities = Partial<Record<TextFileRule, Severity | "off">>;

const { version } = require("../package.json") as { version: string };

export function filesProcessor(severities: TextFileSeverities = {}): SeveritiesProcessor {
  const texts = new Map<string, string>();
  return {
    meta: { name: "keyfence/files", version },
    supportsAutofix: true,
    severities: { ...severities },
    preprocess(text, filename) {
      texts.set(filename, text);
      return [{ text, filename: basename(filename) }];
    },
    postprocess(messageLists, filename) {
      const text = texts.get(filename);
      texts.delete(filename);
      const others = messageLists.flat();
      if (text === undefined) return others;
      return [...others, ...keyMessages(filename, stripBom(text), severities)].sort((x, y) => x.line - y.line || x.column - y.column);
    },
  };
}

function keyMessages(filename: string, text: string, severities: TextFileSeverities): Linter.LintMessage[] {
  if (!isReadableTextFile(text)) return [];
  // The engine loads with the first such file: importing the plugin stays cheap.
  const { textFileKeyFindings } = require("./engine/text-files/index") as typeof TextFiles;
  const findings = textFileKeyFindings(filename, text);
  return processorMessages(text, findings, severities, (finding) => {
    const suggestions = suggestionsOf(finding, filename);
    return suggestions.length > 0 ? { suggestions } : {};
  });
}

/** no-docker-keys' fixes (`${NAME}` in compose, an ARG without its default) as suggestions: they change what the image gets. */
function suggestionsOf(finding: Finding, filename: string): NonNullable<Linter.LintMessage["suggestions"]> {
  return (finding.fixes ?? []).flatMap((plan: FixPlan) => {
    const [edit] = plan.edits;
    if (plan.edits.length !== 1 || edit.kind !== "replace" || resolve(edit.file) !== resolve(filename)) return [];
    return [{ desc: plan.title, fix: { range: [edit.range.start, edit.range.end] as [number, number], text: edit.text } }];
  });
}
