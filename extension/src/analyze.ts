/**
 * The one place where the extension calls the KeyFence engine: which engine functions run on
 * which files, their messages and docs links, and which multi-file fix planners a finding gets.
 * Everything else in the extension only sees `Finding[]` and `FixPlan[]`.
 */

import { existsSync } from "node:fs";
import { basename } from "node:path";
import type { SourceFile } from "../../eslint-plugin/src/engine/ast";
import {
  findClientAiCalls, findClientSecrets, findPublicSecrets, invalidate as invalidateClientGraph, type ClientSecretsOptions, type PublicSecretsOptions,
} from "../../eslint-plugin/src/engine/client/index";
import { GraphNotBuilt, withGraphBuildsDeferred } from "../../eslint-plugin/src/engine/client/deferred-builds";
import { envFileKeyFindings } from "../../eslint-plugin/src/engine/env-files/index";
import type { Finding, FixPlan } from "../../eslint-plugin/src/engine/finding";
import { defaultSeverity as engineSeverity } from "../../eslint-plugin/src/engine/rules";
import { moveKeyToEnvFile, renamePublicSecret, type ProjectFiles } from "../../eslint-plugin/src/engine/fixes/index";
import {
  clearGitignoreCache, envFileTrackingFindings, gitignoreFileFindings, repositoryAnchorFindings,
} from "../../eslint-plugin/src/engine/gitignore/index";
import { findHardcodedKeys, type HardcodedKeysOptions } from "../../eslint-plugin/src/engine/keys/hardcoded-keys";
import { findLoggedKeys } from "../../eslint-plugin/src/engine/logs";
import { findServedKeys } from "../../eslint-plugin/src/engine/responses";
import { scanText } from "../../eslint-plugin/src/engine/keys/index";
import { dockerContextFindings, envFileShipFindings } from "../../eslint-plugin/src/engine/ship/index";
import { textFileKeyFindings } from "../../eslint-plugin/src/engine/text-files/index";
import { PROBE_NAMES, type TextFacts } from "../../eslint-plugin/src/engine/text-facts";
import {
  findUnlimitedAiRoutes, planMoveCallToServerRoute, type ProjectView,
} from "../../eslint-plugin/src/engine/server-route/index";
import { disabledBy } from "./disable-comments";
import type { FileKind } from "./file-kinds";
import type { Settings } from "./settings";
import { stringLiterals } from "./string-literals";
import { lineIndex } from "./text-positions";
import { scannedFile } from "./scanned-file";
import { IncrementalParser, lastFullParse, lastSplice, parseEditorTree } from "./incremental-parse";
import { TextFactsTracker } from "./text-facts-tracker";

export interface AnalyzeContext {
  settings: Settings;
  files: ProjectFiles;
  /** The workspace folder: project lookups never go above it. */
  stopDir?: string;
  /** Rule options as the project's ESLint config gives them (the language server's eslint-config.ts). */
  ruleOptions?: RuleOptions;
  /**
   * A workspace scan's one look at a file nobody edits: its tree is built only if a rule asks
   * for it, and nothing is kept for typing (scanned-file.ts).
   */
  once?: boolean;
  /**
   * Publish-first: a graph never built is not built now (engine/client/deferred-builds.ts), and
   * `lastGraphs.deferred` says the findings are provisional, to be followed by a full analysis.
   */
  deferGraphBuilds?: boolean;
}

/** The options each code rule passes to the engine, by rule id (as in eslint-plugin/src/rules/). */
export interface RuleOptions {
  "no-hardcoded-keys"?: HardcodedKeysOptions;
  "no-client-secrets"?: ClientSecretsOptions;
  "no-public-secrets"?: PublicSecretsOptions;
  "require-rate-limit"?: { limiterNames?: string[] };
}

export { docsUrl } from "../../eslint-plugin/src/engine/docs";

const HARDCODED = "no-hardcoded-keys";
const PUBLIC_SECRETS = "no-public-secrets";
const ENV_KEYS = "no-committed-env-keys";

/** A rule's default severity in the editor's words (the engine's table, as ESLint's recommended). */
export const defaultSeverity = (ruleId: string): "error" | "warning" => (engineSeverity(ruleId) === "warn" ? "warning" : "error");

export { messageOf } from "../../eslint-plugin/src/engine/rules";

/** Parsed code files, one per path, reused while the text is the same. */
const parsed = new Map<string, SourceFile | undefined>();
const incremental = new IncrementalParser();
const facts = new TextFactsTracker();
function parseCached(file: string, text: string): SourceFile | undefined {
  const hit = parsed.get(file);
  if (hit && hit.text === text) return hit;
  // Typing in a big file: re-parse only the statements the edit touched (full parse otherwise).
  const result = incremental.parse(file, text);
  parsed.delete(file);
  parsed.set(file, result);
  if (parsed.size > 200) parsed.delete(parsed.keys().next().value as string);
  return result;
}

/** A code file shown in an editor: its tree is built in the background, before a keystroke needs it. */
export function prepareForTyping(file: string, text: string): void {
  incremental.warmUp(file, text, { inEditor: true });
}

/**
 * One small parse when the server starts, before any file needs one: the bundle's TypeScript
 * parser is compiled lazily, and the first file parsed would pay for it (a 300-line file's
 * first parse took 0.7–0.9 s in VS Code, later ones tens of ms).
 */
export function warmUpParser(): void {
  const snippet = [
    `"use client";`,
    `import { useState, type FC } from "react";`,
    `export interface Props<T> { items: T[]; label?: string }`,
    `export const List: FC<Props<string>> = ({ items, label = "x" }) => {`,
    `  const [open, setOpen] = useState(false);`,
    "  return <ul className={`list ${label}`} onClick={() => setOpen(!open)}>{items.map((i) => <li key={i}>{i}</li>)}</ul>;",
    `};`,
    `export default async function load(url: string): Promise<unknown> { const r = await fetch(url, { method: "POST" }); return r.ok ? r.json() : null; }`,
    `class Store { #items = new Map<string, number>(); get size(): number { return this.#items.size; } }`,
    `export { Store };`,
  ].join("\n");
  parseEditorTree("/keyfence-warm-up.tsx", snippet);
}

/** Whether a parsed tree of `file` is kept, so the next keystroke re-parses only what it touched. */
export function hasTree(file: string): boolean {
  return incremental.hasTree(file);
}

/** A file changed on disk: drop it from every cross-file cache (client graph, git state). */
export function forgetFile(file: string): void {
  forgetEditorState(file);
  invalidateClientGraph(file);
  clearGitignoreCache(file);
}

/** A document closed with the text it has on disk: only what was kept for typing in it goes. */
export function forgetEditorState(file: string): void {
  parsed.delete(file);
  incremental.forget(file);
  facts.forget(file);
}

/** Where the last analysis of a code file spent its time, in ms (the tests print it). */
export const lastPhases: Record<string, number> = {};
/** Why the last analysis parsed its file in full, not incrementally (undefined: it did not parse in full). */
export const lastParse: { fullBecause?: string } = {};
/** Whether the last analysis left out what needed a client graph not built yet (ctx.deferGraphBuilds). */
export const lastGraphs = { deferred: false };

export function analyzeFile(file: string, kind: FileKind, text: string, ctx: AnalyzeContext): Finding[] {
  lastGraphs.deferred = false;
  let findings: Finding[];
  if (kind === "code" && ctx.once) {
    const source = scannedFile(file, text);
    if (!worthParsing(file, source.facts)) return [];
    findings = guarded(() => codeFindings(source, ctx));
    // A file that does not parse gets no findings, as below; comments only matter for a finding.
    if (findings.length > 0 && !source.parsed()) return [];
    if (findings.length > 0) findings = withoutDisabled(findings, source, text);
  } else if (kind === "code") {
    for (const phase of Object.keys(lastPhases)) delete lastPhases[phase];
    lastParse.fullBecause = undefined;
    const worth = timed("text facts", () => worthParsing(file, facts.update(file, text)));
    if (!worth) {
      incremental.warmUp(file, text);
      return [];
    }
    for (const phase of Object.keys(lastSplice) as (keyof typeof lastSplice)[]) lastSplice[phase] = 0;
    lastFullParse.reason = undefined;
    const source = timed("parse", () => parseCached(file, text));
    lastParse.fullBecause = lastFullParse.reason;
    for (const [phase, ms] of Object.entries(lastSplice)) if (ms > 0) lastPhases[`parse: ${phase}`] = ms;
    if (!source) return [];
    const run = () => guarded(() => codeFindings(source, ctx));
    let all: Finding[];
    if (ctx.deferGraphBuilds) ({ result: all, deferred: lastGraphs.deferred } = withGraphBuildsDeferred(run));
    else all = run();
    findings = withoutDisabled(all, source, text);
  } else if (kind === "env") {
    findings = guarded(() => [...envFileKeyFindings(file, text), ...envFileTrackingFindings(file, text), ...envFileShipFindings(file, text)]);
  } else if (kind === "gitignore") {
    findings = guarded(() => gitignoreFileFindings(file, text));
  } else {
    // The keys as configs.files reports them in CI (a context word counts just before the key, as
    // there), plus what only the editor reports on a Dockerfile or .dockerignore.
    findings = guarded(() => [...textFileKeyFindings(file, text), ...dockerContextFindings(file, text)]);
  }
  const rules = ctx.settings.rules;
  return findings.filter((f) => rules[f.ruleId] !== "off" && !allowed(f, text, ctx.settings.allow));
}

/** Findings an `eslint-disable` comment switches off. */
function withoutDisabled(findings: Finding[], source: SourceFile, text: string): Finding[] {
  const lines = lineIndex(text);
  const disabled = disabledBy(source.ast.comments, (offset) => lines.lineOf(offset) + 1);
  return findings.filter((f) => !disabled(f.ruleId, lines.lineOf(f.range.start) + 1, f.range.start));
}

/**
 * Parsing is most of the cost (TypeScript-ESTree: ~0.1 s per 1,000 lines), so a file is parsed
 * only when some rule could report in it: a key candidate, an env read, a server-only marker,
 * an AI host or provider SDK, or a config file the rules read. These are the rules' own first
 * questions (engine/text-facts.ts), carried across keystrokes so a keystroke re-scans a few lines.
 */
function worthParsing(file: string, facts: TextFacts): boolean {
  return (
    facts.keyCandidates().length > 0 ||
    // sdkUse matches only where providerMention does: asking it too would cost a pass for nothing.
    PROBE_NAMES.some((probe) => probe !== "sdkUse" && facts.evidence(probe) >= 0) ||
    /^(?:next|vite|vitest|eslint)\.config\.[cm]?[jt]s$/.test(basename(file))
  );
}

/** One engine function failing (a bug, an odd file) must not take the others down. */
function guarded(run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch (error) {
    // A deferred graph is not an error: the full analysis that follows reports what needs it.
    if (!(error instanceof GraphNotBuilt)) console.error("[KeyFence]", error);
    return [];
  }
}

function allowed(finding: Finding, text: string, allow: RegExp[]): boolean {
  if (allow.length === 0) return false;
  const found = text.slice(finding.range.start, finding.range.end);
  return allow.some((pattern) => pattern.test(found) || (finding.data.name !== undefined && pattern.test(finding.data.name)));
}

function codeFindings(source: SourceFile, ctx: AnalyzeContext): Finding[] {
  const out: Finding[] = [];
  const run = (ruleId: string, analysis: () => Finding[]) => out.push(...timed(ruleId, () => guarded(analysis)));
  const options: RuleOptions = ctx.ruleOptions ?? {};
  const hardcoded = options[HARDCODED];
  run(HARDCODED, () => findHardcodedKeys(source, { ...hardcoded, allow: [...ctx.settings.allow.map((r) => r.source), ...(hardcoded?.allow ?? [])] }));
  run("no-client-secrets", () => findClientSecrets(source, options["no-client-secrets"]));
  run(PUBLIC_SECRETS, () => findPublicSecrets(source, options[PUBLIC_SECRETS]));
  run("no-client-ai-calls", () => findClientAiCalls(source));
  run("no-logged-keys", () => findLoggedKeys(source));
  run("no-served-keys", () => findServedKeys(source));
  run("env-gitignore", () => repositoryAnchorFindings(source.file));
  run("require-rate-limit", () => findUnlimitedAiRoutes(source, { limiterNames: options["require-rate-limit"]?.limiterNames }));
  return out;
}

function timed<T>(phase: string, run: () => T): T {
  const started = performance.now();
  try {
    return run();
  } finally {
    lastPhases[phase] = performance.now() - started;
  }
}


/**
 * Every fix a finding offers: the multi-file planners only the editor can apply, then the
 * engine's own plans. Planned when asked (on Ctrl+.), from the files as they are now.
 */
export function planFixes(finding: Finding, text: string, ctx: AnalyzeContext): FixPlan[] {
  const plans: FixPlan[] = [];
  const add = (plan: FixPlan | undefined) => plan && !plans.some((p) => p.title === plan.title) && plans.push(plan);
  // In browser code a server route is the real fix: it comes first and is preferred.
  if (SERVER_ROUTE_RULES.has(finding.ruleId)) add(planServerRoute(finding, text, ctx));
  // Not in browser code: `process.env.X` there is a server secret read in the browser (its own
  // finding, and undefined at run time); the server route above is the fix.
  if (finding.ruleId === HARDCODED && finding.messageId !== "hardcodedInBrowser") add(planMoveKey(finding, text, ctx));
  const publicSecretInCode = finding.ruleId === PUBLIC_SECRETS && finding.messageId === "publicSecret";
  const publicSecretInEnv = finding.ruleId === ENV_KEYS && finding.messageId === "publicSecretName";
  // The rename, in every file that reads the name and every env file, only where all of them run
  // on the server; where browser code reads it, a server route is the fix (as for a client secret).
  const rename = publicSecretInCode || publicSecretInEnv ? planRename(finding, text, ctx) : undefined;
  if (rename) add(rename);
  else if (publicSecretInCode) add(planServerRoute(finding, text, ctx));
  // The env file's own one-file rename: the plan above renames there too, and in the code.
  for (const plan of finding.fixes ?? []) if (!(rename && publicSecretInEnv)) add(plan);
  return plans;
}

const SERVER_ROUTE_RULES = new Set([HARDCODED, "no-client-ai-calls", "no-client-secrets"]);

function planServerRoute(finding: Finding, text: string, ctx: AnalyzeContext): FixPlan | undefined {
  const source = parseCached(finding.file, text);
  if (!source) return undefined;
  const project: ProjectView = {
    exists: (path) => ctx.files.read(path) !== undefined || existsSync(path),
    read: (path) => ctx.files.read(path),
  };
  const plan = planMoveCallToServerRoute({ source, range: finding.range, project });
  return plan && { ...plan, isPreferred: true };
}

function planRename(finding: Finding, text: string, ctx: AnalyzeContext): FixPlan | undefined {
  const { name, prefix } = finding.data;
  if (!name || !prefix) return undefined;
  return renamePublicSecret({ file: finding.file, text, name, prefix, files: ctx.files, stopDir: ctx.stopDir });
}

function planMoveKey(finding: Finding, text: string, ctx: AnalyzeContext): FixPlan | undefined {
  const source = parseCached(finding.file, text);
  if (!source) return undefined;
  const literal = stringLiterals(source.ast).find((l) => l.range[0] <= finding.range.start && finding.range.end <= l.range[1]);
  if (!literal) return undefined;
  const key = text.slice(finding.range.start, finding.range.end);
  const envVar = finding.data.envVar ?? scanText(key, { context: literal.context }).find((m) => m.value === key)?.provider.envVar;
  if (!envVar) return undefined;
  const node = literal.node;
  return moveKeyToEnvFile({
    file: finding.file,
    text,
    literal: { start: node.range[0], end: node.range[1] },
    key,
    envVar,
    inJsxAttribute: node.parent?.type === "JSXAttribute",
    inBrowser: isBrowserCode(source),
    files: ctx.files,
    stopDir: ctx.stopDir,
    committed: finding.data.commit ? { commit: finding.data.commit, date: finding.data.date, revokeUrl: finding.data.revokeUrl } : undefined,
  });
}

/** A `'use client'` directive marks browser code (the client engine knows more: wire it here). */
function isBrowserCode(source: SourceFile): boolean {
  for (const statement of source.ast.body) {
    if (statement.type !== "ExpressionStatement" || !("directive" in statement) || !statement.directive) break;
    if (statement.directive === "use client") return true;
  }
  return false;
}


export { lineIndex } from "./text-positions";
// Engine pieces the commands use, so they too come from the lazily loaded bundle.
export { coverWithGitignore } from "../../eslint-plugin/src/engine/fixes/index";
export { scanText } from "../../eslint-plugin/src/engine/keys/index";
export { revokeUrlFor } from "../../eslint-plugin/src/engine/providers/index";
