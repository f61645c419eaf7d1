/**
 * "Move key to .env.local": the literal becomes `process.env.NAME`, `NAME=value` goes into the
 * env file the project actually loads, .gitignore covers that file and `.env.example` learns
 * `NAME=`: one plan, several files, applied as one undoable edit by the extension.
 */
import { basename, join } from "node:path";
import type { FileEdit, FixPlan, TextRange } from "../finding";
import { appendLines, formatEntry, readEnvFile } from "./env-file-text";
import { fileGitStatus } from "../gitignore/file-status";
import { coverWithGitignore } from "./gitignore-coverage";
import { projectOf, type ProjectInfo } from "./project";
import type { ProjectFiles } from "./project-files";

export interface MoveKeyInput {
  /** The code file holding the key. */
  file: string;
  text: string;
  /** The string or template literal that holds the key (quotes included). */
  literal: TextRange;
  /** The key itself. */
  key: string;
  /** The provider's env var, e.g. OPENAI_API_KEY. */
  envVar: string;
  /** True when the literal is a JSX attribute value (`apiKey="…"` needs braces). */
  inJsxAttribute?: boolean;
  /** True when this code runs in the browser, where process.env is empty. */
  inBrowser?: boolean;
  files: ProjectFiles;
  /** Never look above this folder (the workspace folder). */
  stopDir?: string;
  /** Where git already holds the key (finding data `commit`, `date`, `revokeUrl`): moving it is then not enough. */
  committed?: { commit: string; date: string; revokeUrl?: string };
}

export function moveKeyToEnvFile(input: MoveKeyInput): FixPlan | undefined {
  const { file, text, literal, key, files, stopDir } = input;
  const literalText = text.slice(literal.start, literal.end);
  if (!literalText.includes(key)) return undefined;

  const project = projectOf(files, file, stopDir);
  // A key written into an env file git tracks goes into the next commit: no move then. The env
  // file's own finding (no-committed-env-keys) offers to stop tracking it; the move comes after.
  if (fileGitStatus(project.envFile).tracked === true) return undefined;
  const envText = files.read(project.envFile);
  const existing = envText === undefined ? [] : readEnvFile(envText).entries;
  const { name, reused } = chooseName(input.envVar, key, existing);

  const codeEdit = replaceLiteral(input, `process.env.${name}`);
  if (!codeEdit) return undefined;
  const edits: FileEdit[] = [codeEdit];
  if (!reused) {
    const shape = envText === undefined ? { quote: "" as const } : readEnvFile(envText);
    edits.push(appendLines(project.envFile, envText, [formatEntry(name, key, shape)]));
  }
  edits.push(...coverWithGitignore(files, project.envFile, stopDir, name));
  edits.push(...exampleEntry(files, project, name));

  const envName = basename(project.envFile);
  const notes: string[] = [];
  if (name !== input.envVar && !reused) notes.push(`${input.envVar} already holds a different value in ${envName}, so the key is stored as ${name}.`);
  if (input.inBrowser) notes.push(`This code runs in the browser, where process.env.${name} is empty: call the provider from a server route instead.`);
  const { committed } = input;
  if (committed) {
    const where = committed.revokeUrl ? ` at ${committed.revokeUrl}` : "";
    notes.push(`The key is already committed in ${committed.commit} on ${committed.date}: moving it is not enough, rotate it now${where}.`);
  }
  const hints: string[] = [];
  if (committed) hints.push(`already committed in ${committed.commit} on ${committed.date}: rotate it now`);
  if (name !== input.envVar && !reused) hints.push(`${input.envVar} holds another key`);
  if (input.inBrowser) hints.push("empty in browser code: prefer a server route");
  return {
    title: `Move key to ${envName} as ${name}${hints.length ? ` (${hints.join("; ")})` : ""}`,
    edits,
    isPreferred: !input.inBrowser,
    note: notes.length ? notes.join(" ") : undefined,
  };
}

/** Reuse the name that already holds this key; never overwrite a different value (NAME_2, NAME_3…). */
export function chooseName(
  wanted: string,
  key: string,
  entries: Array<{ name: string; value: string }>,
): { name: string; reused: boolean } {
  const same = entries.find((e) => e.value === key);
  if (same) return { name: same.name, reused: true };
  const taken = new Set(entries.map((e) => e.name));
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted}_${n}`;
  return { name, reused: false };
}

function replaceLiteral(input: MoveKeyInput, expression: string): FileEdit | undefined {
  const { file, text, literal, key } = input;
  const raw = text.slice(literal.start, literal.end);
  const quote = raw[0];
  const inner = raw.slice(1, -1);
  let replacement: string;
  if (inner === key && (quote === '"' || quote === "'" || quote === "`")) {
    replacement = input.inJsxAttribute ? `{${expression}}` : expression;
  } else if (quote === "`") {
    replacement = raw.replace(key, `\${${expression}}`);
  } else if (quote === '"' || quote === "'") {
    // "Bearer <key>" → `Bearer ${process.env.NAME}`
    const [before, after] = [inner.slice(0, inner.indexOf(key)), inner.slice(inner.indexOf(key) + key.length)];
    const template = `\`${toTemplate(before, quote)}\${${expression}}${toTemplate(after, quote)}\``;
    replacement = input.inJsxAttribute ? `{${template}}` : template;
  } else {
    return undefined;
  }
  return { kind: "replace", file, range: literal, text: replacement };
}

/** Source text of a quoted string's body, re-escaped for a template literal. */
function toTemplate(body: string, quote: string): string {
  return body.replace(new RegExp(`\\\\${quote}`, "g"), quote).replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
}

function exampleEntry(files: ProjectFiles, project: ProjectInfo, name: string): FileEdit[] {
  const example = join(project.dir, ".env.example");
  const text = files.read(example);
  if (text === undefined) return [];
  if (readEnvFile(text).entries.some((e) => e.name === name)) return [];
  return [appendLines(example, text, [`${name}=`])];
}
