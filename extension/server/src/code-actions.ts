/**
 * Code actions for KeyFence diagnostics, as linter users expect them (vscode-eslint): each fix
 * plan of the finding, "Open the provider's key page" for a committed key, then "Disable
 * keyfence/<rule> for this line", "…for the entire file" (`//` and block comments in code, `#`
 * lines in env and .gitignore files, as the ESLint processor reads them), and "Show
 * documentation for keyfence/<rule>". A plan that untracks a file from git is a command the
 * editor runs (it asks first), not an edit.
 */
import {
  CodeActionKind, type CodeAction, type Diagnostic, type TextDocumentEdit, type TextEdit, type WorkspaceEdit,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding, FixPlan } from "../../../eslint-plugin/src/engine/finding";
import type { ProjectFiles } from "../../../eslint-plugin/src/engine/fixes/index";
import { codeBlocks, isComponentFile, type CodeBlock } from "../../../eslint-plugin/src/engine/component-code";
import type { FileKind } from "../../src/file-kinds";
import { ruleOf } from "./diagnostics";
import { OPEN_KEY_PAGE, OPEN_KEY_PAGE_TITLE, SHOW_DOCUMENTATION, STOP_TRACKING } from "./protocol";
import { fileUri } from "./uris";

/** `quickfix.keyfence`: a quick fix, and recognisably ours (editors and tests select by it). */
export const KEYFENCE_FIX = `${CodeActionKind.QuickFix}.keyfence`;

export interface ActionContext {
  document: TextDocument;
  /** The document's path (its URI is used as the client sent it). */
  path: string;
  kind: FileKind;
  /** The findings behind the diagnostics, if they were computed from this version of the document. */
  findings: Finding[] | undefined;
  planFixes(finding: Finding): FixPlan[];
  files: ProjectFiles;
  /** Whether the client applies file creations in a workspace edit. */
  canCreateFiles: boolean;
}

export function codeActions(diagnostics: Diagnostic[], ctx: ActionContext): CodeAction[] {
  const fixes: CodeAction[] = [];
  const others: CodeAction[] = [];
  const seenRules = new Set<string>();
  for (const diagnostic of diagnostics) {
    const ruleId = ruleOf(diagnostic);
    if (!ruleId) continue;
    const finding = findingOf(diagnostic, ruleId, ctx);
    for (const plan of finding ? ctx.planFixes(finding) : []) {
      const action = planAction(plan, diagnostic, ctx);
      if (action) fixes.push(action);
    }
    const keyPage = finding && keyPageOf(finding);
    if (keyPage) {
      fixes.push({
        title: OPEN_KEY_PAGE_TITLE,
        kind: KEYFENCE_FIX,
        diagnostics: [diagnostic],
        command: { title: OPEN_KEY_PAGE_TITLE, command: OPEN_KEY_PAGE, arguments: [keyPage] },
      });
    }
    const line = disableLineAction(diagnostic, ruleId, ctx);
    if (line) others.push(line);
    if (seenRules.has(ruleId)) continue;
    seenRules.add(ruleId);
    const file = disableFileAction(ruleId, ctx);
    if (file) others.push(file);
    others.push({
      title: `Show documentation for keyfence/${ruleId}`,
      kind: KEYFENCE_FIX,
      command: { title: "Show documentation", command: SHOW_DOCUMENTATION, arguments: [ruleId] },
    });
  }
  return [...fixes, ...others];
}

function planAction(plan: FixPlan, diagnostic: Diagnostic, ctx: ActionContext): CodeAction | undefined {
  const base = { title: plan.title, kind: KEYFENCE_FIX, diagnostics: [diagnostic], isPreferred: plan.isPreferred };
  const untrack = plan.edits.find((e) => e.kind === "untrack");
  // git operations are not text edits: the editor's command asks first, then untracks and ignores.
  if (untrack) return { ...base, command: { title: plan.title, command: STOP_TRACKING, arguments: [fileUri(untrack.file)] } };
  const edit = toWorkspaceEdit(plan, ctx);
  return edit && { ...base, edit };
}

/** The revoke page to offer for this finding: only a committed key's, and only an https page. */
export function keyPageOf(finding: Finding): string | undefined {
  const url = finding.data.revokeUrl;
  return finding.data.commit && url && url.startsWith("https://") ? url : undefined;
}

function findingOf(diagnostic: Diagnostic, ruleId: string, ctx: ActionContext): Finding | undefined {
  const start = ctx.document.offsetAt(diagnostic.range.start);
  const end = ctx.document.offsetAt(diagnostic.range.end);
  return ctx.findings?.find((f) => f.ruleId === ruleId && f.range.start === start && f.range.end === end);
}

/** `//` comments in code; `#` lines in env and .gitignore files; other text files have no directives KeyFence reads. */
function commentStyle(kind: FileKind): "code" | "hash" | undefined {
  if (kind === "code") return "code";
  if (kind === "env" || kind === "gitignore") return "hash";
  return undefined;
}

function disableLineAction(diagnostic: Diagnostic, ruleId: string, ctx: ActionContext): CodeAction | undefined {
  const style = commentStyle(ctx.kind);
  if (!style) return undefined;
  const line = diagnostic.range.start.line;
  const text = ctx.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)?.[0] ?? "";
  let comment = `${style === "code" ? "//" : "#"} eslint-disable-next-line keyfence/${ruleId}`;
  // A component's markup takes an HTML comment, which ESLint honours in Vue and Svelte (their
  // processors) but not in Astro: there, and on a `<script>` line, nothing is offered.
  if (isComponentFile(ctx.path) && !codeBlockAt(ctx, ctx.document.offsetAt({ line, character: 0 }))) {
    const inMarkup = !codeBlockAt(ctx, ctx.document.offsetAt(diagnostic.range.start));
    if (!inMarkup || /\.astro$/i.test(ctx.path)) return undefined;
    comment = `<!-- eslint-disable-next-line keyfence/${ruleId} -->`;
  }
  return {
    title: `Disable keyfence/${ruleId} for this line`,
    kind: KEYFENCE_FIX,
    diagnostics: [diagnostic],
    edit: { changes: { [ctx.document.uri]: [insert(line, `${indent}${comment}\n`)] } },
  };
}

function disableFileAction(ruleId: string, ctx: ActionContext): CodeAction | undefined {
  const style = commentStyle(ctx.kind);
  if (!style) return undefined;
  // After a shebang line, which must stay first; in a component, the first line of its code,
  // offered only when every finding of the rule comes after it (a disable comment holds from
  // where it stands on).
  const line = isComponentFile(ctx.path) ? firstCodeLine(ctx) : style === "code" && ctx.document.getText().startsWith("#!") ? 1 : 0;
  if (line === undefined) return undefined;
  if (isComponentFile(ctx.path)) {
    const from = ctx.document.offsetAt({ line, character: 0 });
    if (!ctx.findings || ctx.findings.some((finding) => finding.ruleId === ruleId && finding.range.start < from)) return undefined;
  }
  const comment = style === "code" ? `/* eslint-disable keyfence/${ruleId} */` : `# eslint-disable keyfence/${ruleId}`;
  return {
    title: `Disable keyfence/${ruleId} for the entire file`,
    kind: KEYFENCE_FIX,
    edit: { changes: { [ctx.document.uri]: [insert(line, `${comment}\n`)] } },
  };
}

/** The code block of a component (engine/component-code.ts) that holds `offset`, if any. */
function codeBlockAt(ctx: ActionContext, offset: number): CodeBlock | undefined {
  return codeBlocks(ctx.path, ctx.document.getText()).blocks.find((block) => block.start <= offset && offset < block.end);
}

/** The first whole line of a component's first code block (the one after `<script>` or `---`). */
function firstCodeLine(ctx: ActionContext): number | undefined {
  const [first] = codeBlocks(ctx.path, ctx.document.getText()).blocks;
  if (!first) return undefined;
  const start = ctx.document.positionAt(first.start);
  const line = start.character === 0 ? start.line : start.line + 1;
  return ctx.document.offsetAt({ line, character: 0 }) < first.end ? line : undefined;
}

function insert(line: number, text: string): TextEdit {
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: text };
}

/** What turning a plan into an edit needs; `document` (with its `path`) keeps the URI the client sent. */
export type EditContext = Pick<ActionContext, "files" | "canCreateFiles"> & Partial<Pick<ActionContext, "document" | "path">>;

/**
 * A fix plan as one workspace edit (one undo step across files). Offsets refer to the text the
 * planner read, so positions come from that same text. Plans that untrack a file from git are
 * not text edits: they are left to the editor integration (undefined here).
 */
export function toWorkspaceEdit(plan: FixPlan, ctx: EditContext): WorkspaceEdit | undefined {
  if (plan.edits.some((e) => e.kind === "untrack")) return undefined;
  if (!ctx.canCreateFiles && plan.edits.some((e) => e.kind === "create")) return undefined;
  const uriOf = (file: string) => (ctx.document && file === ctx.path ? ctx.document.uri : fileUri(file));
  const documents = new Map<string, TextDocument>();
  const documentOf = (file: string) => {
    let document = documents.get(file);
    if (!document) documents.set(file, (document = TextDocument.create(uriOf(file), "", 0, ctx.files.read(file) ?? "")));
    return document;
  };
  const edits = new Map<string, TextEdit[]>();
  const creations: string[] = [];
  for (const change of plan.edits) {
    const uri = uriOf(change.file);
    if (change.kind === "create") creations.push(uri);
    const list = edits.get(uri) ?? [];
    edits.set(uri, list);
    if (change.kind === "create") list.push(insert(0, change.text));
    else if (change.kind === "replace") {
      const document = documentOf(change.file);
      list.push({ range: { start: document.positionAt(change.range.start), end: document.positionAt(change.range.end) }, newText: change.text });
    }
  }
  if (!ctx.canCreateFiles) return { changes: Object.fromEntries(edits) };
  const textEdits: TextDocumentEdit[] = [...edits].map(([uri, list]) => ({ textDocument: { uri, version: null }, edits: list }));
  return {
    documentChanges: [
      ...creations.map((uri) => ({ kind: "create" as const, uri, options: { ignoreIfExists: true } })),
      ...textEdits,
    ],
  };
}
