/**
 * The edits to the browser file: the provider call becomes a call to the generated route, the
 * client, its key and `dangerouslyAllowBrowser` go away, and the value keeps its shape.
 */
import type { SourceFile } from "../ast";
import type { FileEdit } from "../finding";
import { findProperty, propertyName } from "./ast-utils";
import type { BrowserUse, FetchUse, SdkUse } from "./browser-call";
import { removeSpecifier, removeStatement, tidyRemovedLines } from "./source-removals";
import { removeLeftUnused } from "./unused-bindings";

export const HELPER_NAME = "callAiRoute";

type ReplaceEdit = Extract<FileEdit, { kind: "replace" }>;

/**
 * How the browser calls the route: "fetch" through the added callAiRoute helper, or "nuxt":
 * Nuxt's global `$fetch` (it posts JSON and resolves to the parsed answer), except for a
 * streamed call, which needs the helper's event reader.
 */
export type BrowserCallStyle = "fetch" | "nuxt";

export function browserEdits(source: SourceFile, use: BrowserUse, routeUrl: string, style: BrowserCallStyle = "fetch"): ReplaceEdit[] {
  const edits: ReplaceEdit[] = use.kind === "sdk" ? sdkEdits(source, use, routeUrl, style) : fetchEdits(source, use, routeUrl);
  if (use.key.kind === "literal" && use.key.declaration) edits.push(removeStatement(source, use.key.declaration));
  // The key's const, an import only the client used…: nothing the fix made dead stays behind.
  return tidyRemovedLines(source.text, removeLeftUnused(source, edits));
}

function replace(source: SourceFile, node: { range: [number, number] }, text: string): ReplaceEdit {
  return { kind: "replace", file: source.file, range: { start: node.range[0], end: node.range[1] }, text };
}

function sdkEdits(source: SourceFile, use: SdkUse, routeUrl: string, style: BrowserCallStyle): ReplaceEdit[] {
  const edits: ReplaceEdit[] = [];
  let helperUsed = false;
  for (const call of use.calls) {
    const argument = source.text.slice(call.argument.range[0], call.argument.range[1]);
    if (style === "nuxt" && !mayStream(call.argument)) {
      // `<any>` as the SDK call's answer was used: Nuxt would type it as the route's Response.
      const answerType = isTypeScript(source.file) ? "<any>" : "";
      edits.push(replace(source, call.call, `$fetch${answerType}(${JSON.stringify(routeUrl)}, { method: "POST", body: ${argument} })`));
      continue;
    }
    helperUsed = true;
    edits.push(replace(source, call.call, `${HELPER_NAME}(${JSON.stringify(routeUrl)}, ${argument})`));
  }
  if (use.declaration) edits.push(removeStatement(source, use.declaration));
  if (use.importDeclaration) edits.push(removeStatement(source, use.importDeclaration));
  if (use.importSpecifier) edits.push(removeSpecifier(source, use.importSpecifier));
  if (helperUsed && !new RegExp(`function ${HELPER_NAME}\\b`).test(source.text)) {
    const end = source.text.length;
    const eol = /\r\n/.test(source.text.slice(0, source.text.indexOf("\n") + 1)) ? "\r\n" : "\n";
    const separator = source.text.endsWith("\n") ? eol : eol + eol;
    const helper = helperText(isTypeScript(source.file)).replace(/\n/g, eol);
    edits.push({ kind: "replace", file: source.file, range: { start: end, end }, text: separator + helper });
  }
  return edits;
}

/** A body that is not an object literal, or one with `stream` other than `false`, may ask for a stream. */
function mayStream(argument: SdkUse["calls"][number]["argument"]): boolean {
  if (argument.type !== "ObjectExpression") return true;
  if (argument.properties.some((property) => property.type !== "Property")) return true;
  const stream = findProperty(argument, "stream");
  return stream !== undefined && !(stream.value.type === "Literal" && stream.value.value === false);
}

function fetchEdits(source: SourceFile, use: FetchUse, routeUrl: string): ReplaceEdit[] {
  const edits: ReplaceEdit[] = [];
  const target = use.call.arguments[0];
  const quote = source.text[target.range[0]] === "'" ? "'" : '"';
  edits.push(replace(source, target, `${quote}${routeUrl}${quote}`));
  if (use.headers) {
    const kept = use.keptHeaders.map((property) => source.text.slice(property.range[0], property.range[1]));
    // The route accepts JSON only (see the route's comment): make sure the call says so.
    if (!use.keptHeaders.some((property) => /^content-type$/i.test(propertyName(property) ?? ""))) {
      kept.unshift(`${quote}Content-Type${quote}: ${quote}application/json${quote}`);
    }
    const text = `{ ${kept.join(", ")} }`;
    edits.push(replace(source, use.headers, text));
  }
  return edits;
}

function isTypeScript(file: string): boolean {
  return /\.[cm]?tsx?$/i.test(file);
}

/** Added once per file: posts to the route and answers like the SDK call it replaces. */
export function helperText(typescript: boolean): string {
  const t = (text: string) => (typescript ? text : "");
  return `/**
 * Calls this app's server route, which holds the AI provider's key (added by KeyFence).
 * Resolves like the SDK call it replaced: the JSON answer, or with \`stream: true\` an async
 * iterable of the streamed events.
 */
async function ${HELPER_NAME}(url${t(": string")}, body${t(": Record<string, any>")})${t(": Promise<any>")} {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const data = await response.json().catch(() => undefined);
    throw new Error(data?.error?.message ?? \`AI route answered \${response.status}\`);
  }
  return body.stream ? readServerSentEvents(response) : response.json();
}

async function* readServerSentEvents(response${t(": Response")})${t(": AsyncGenerator<any>")} {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffered += chunk.value.replace(/\\r\\n/g, "\\n");
    let boundary = buffered.indexOf("\\n\\n");
    while (boundary >= 0) {
      const event = buffered.slice(0, boundary);
      buffered = buffered.slice(boundary + 2);
      for (const line of event.split("\\n")) {
        const data = line.startsWith("data:") ? line.slice(5).trim() : "";
        if (data && data !== "[DONE]") yield JSON.parse(data);
      }
      boundary = buffered.indexOf("\\n\\n");
    }
  }
}
`;
}
