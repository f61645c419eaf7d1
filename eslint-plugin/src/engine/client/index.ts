/**
 * Client exposure: secrets and AI calls that reach the browser.
 *
 * Entry points (host-free; the ESLint rules and the VS Code extension call the same functions
 * with a `parseSource()` result):
 * - `findClientSecrets(source, options)`  → Finding[] for keyfence/no-client-secrets
 * - `findPublicSecrets(source, options)`  → Finding[] for keyfence/no-public-secrets
 * - `findClientAiCalls(source, options)`  → Finding[] for keyfence/no-client-ai-calls
 * - `browserChain(file)` → absolute paths from a browser entry to `file`, or undefined
 * - `invalidate(file)`   → forget a file (call from a file watcher)
 * Name helpers: `isSecretEnvName`, `isMapsPlatformKeyName`, `publicPrefixOf`, `unprefixedName`, `providerOfEnvName`.
 *
 * The client graph (./graph) is shared by all three rules in a process and cached by path+mtime.
 */
import { isAgentSkillFile } from "../agent-skills";
import * as path from "node:path";
import type { SourceFile, TSESTree } from "../ast";
import type { Finding } from "../finding";
import { findAiCalls, mayCallAi, type AiCallNodes } from "./ai-calls";
import { fetchesImportedAiUrl } from "./imported-ai-urls";
import { findSentSecrets, maySendSecrets } from "./sent-secrets";
import { findConfigSecrets, inPublishingBlock } from "./config-secrets";
import { onlyTested } from "./tested-reads";
import { directivesInText, directivesOf } from "./directives";
import { ALWAYS_DEFINED, isSecretEnvName, PUBLIC_PREFIXES, publicPrefixOf } from "./env-names";
import { findEnvReads, isPrivateSource, mayReadEnv, type EnvRead } from "./env-reads";
import { readsByStatement } from "./one-read-per-statement";
import { nearestPackageDir } from "../package-dir";
import { requiredModule } from "../require-call";
import { definedByBuild, publicPrefixVerdict } from "./public-prefixes";
import { workspaceOf } from "./workspaces";
import { BROWSER_FLAGS, DIRECT_ACCESS_HEADER } from "./catalogue";
import { appRoot, frameworkOf, isBuildConfigFile, isNodeServerProject, isPagesApiRoute, SERVER_PACKAGES } from "./framework";
import { desktopBackEnd, inAppMessage } from "./desktop-apps";
import { pageLoading } from "./static-pages";
import { firebaseConfigKeyNames, isFirebaseConfigApiKey } from "./firebase-config";
import { invalidateFile } from "./files";
import { clientGraphFor, clientGraphsFor, type ClientGraph } from "./graph";
import { valueNamesUsed } from "./references";
import { inRanges, mayHoldServerCalls, splitServerCode } from "./server-code";
import type { AnyNode } from "./walk";
import { rangeOf } from "./walk";
import { textFacts } from "../text-facts";
import { codeBlocks } from "../component-code";

export { isMapsPlatformKeyName, isSecretEnvName, publicPrefixOf, unprefixedName, providerOfEnvName, PUBLIC_PREFIXES } from "./env-names";
export { browserUseWords, collectAiCallNodes, isDirectAccessAssignment, isDirectAccessProperty, isHeaderSet, mayCallAi, type AiCallNodes } from "./ai-calls";
export { fetchesImportedAiUrl } from "./imported-ai-urls";
export { noClientSecretsMessages, noPublicSecretsMessages, noClientAiCallsMessages } from "./messages";
export { resetClientGraphs } from "./graph";
export { fileStats } from "./files";

export interface ClientSecretsOptions {
  /** Also report non-secret, non-public reads (they are undefined in the browser). Default false. */
  reportNonSecretReads?: boolean;
}

export interface PublicSecretsOptions {
  /** Names never reported (the user knows they are publishable). */
  allow?: string[];
}

export interface ClientAiCallsOptions {
  /**
   * The linted tree's nodes findAiCalls reads, gathered during ESLint's own traversal (no second
   * walk). The rule gathers them only for a text that passed mayCallAi, which is then not run again.
   */
  nodes?: AiCallNodes;
}

/** Forget one file (the extension calls this from its file watcher). */
export function invalidate(file: string): void {
  invalidateFile(path.resolve(file));
}

/** The shortest chain of absolute paths from a browser entry to `file`, or undefined. */
export function browserChain(file: string): string[] | undefined {
  const absolute = path.resolve(file);
  // An .astro page hosts islands; its own frontmatter renders on the server.
  if (absolute.endsWith(".astro")) return undefined;
  const graph = clientGraphsFor(absolute).find((candidate) => candidate.status(absolute) === "browser");
  return graph?.chain(absolute);
}

/**
 * The import chain, as findings show it, when the code at `offset` of this (linted) file runs in
 * the browser; undefined for server code and undecided files.
 */
export function browserChainText(source: SourceFile, offset: number): string | undefined {
  const browser = browserContext(source);
  if (!browser || browser.status !== "browser" || inRanges(browser.context.serverRanges, offset)) return undefined;
  return browser.context.chainText;
}

interface BrowserContext {
  graph: ClientGraph;
  /** "app/chat/chat-box.tsx → lib/ai-client.ts" */
  chainText: string;
  /** Top-level code the framework strips from the browser build (getServerSideProps, loader…). */
  serverRanges: Array<[number, number]>;
}

/** Is this (linted) file browser code? Its own directives come from its current text. */
function browserContext(source: SourceFile): { status: "browser" | "server-only"; context: BrowserContext } | undefined {
  const file = path.resolve(source.file);
  // Its own app's graph first; a workspace package's file is judged by the apps that use it.
  for (const graph of clientGraphsFor(file)) {
    const found = browserContextIn(graph, source, file);
    if (found) return found;
  }
  return undefined;
}

/** "use client" / "use server", or an escape that could spell one (a directive's value is cooked). */
const MAY_HOLD_DIRECTIVE = /use (?:client|server)|\\[xu0-7]/;

/**
 * A scanned file's tree is built only if a rule needs it (ast.ts): its prologue is read from the
 * text as the graph reads every file's (directivesInText), unless an escape in it needs the
 * parser to cook it (`"use\x20client"` is "use client" to the bundler).
 */
function directivesOfSource(source: SourceFile): string[] {
  if (!source.lazyTree) return directivesOf(source.ast);
  const found = directivesInText(source.text);
  return found.some((directive) => directive.includes("\\")) ? directivesOf(source.ast) : found;
}

function browserContextIn(graph: ClientGraph, source: SourceFile, file: string): { status: "browser" | "server-only"; context: BrowserContext } | undefined {
  if (/\.astro$/i.test(file)) return astroContext(graph, source, file);
  const framework = graph.framework.name;
  // Only Next.js reads them; a text that cannot spell one needs no tree for it.
  const directives = framework === "next" && MAY_HOLD_DIRECTIVE.test(source.text) ? directivesOfSource(source) : [];
  if (framework === "next" && directives.includes("use server")) return undefined;
  let status = graph.status(file);
  let chain = graph.chain(file);
  const apiRoute = () => isPagesApiRoute(path.relative(graph.framework.root, file).split(path.sep).join("/"));
  if (framework === "next" && directives.includes("use client") && status !== "server-only" && graph.contains(file) && !apiRoute()) {
    status = "browser";
    chain = [file];
  }
  // A module nothing imports, under an SPA's src/: browser code, unless it is a Node program (an
  // Express server kept in a CRA app's src/dev_backend/, run with `node`: SvetimFM/mealmaster, batch 43).
  if (status === undefined && graph.contains(file) && graph.isUnreachedSpaModule(file) && !isNodeProgram(source)) {
    status = "browser";
    chain = [file];
  }
  if ((status !== "browser" && status !== "server-only") || !chain) return undefined;
  // Every script of a browser extension is an entry, but one that is a Node program (`require("fs")`,
  // `node:` imports: a script run with `node` beside the extension, asmeulders/BostonHacks2025's
  // study-chat.js, sh2/extension-summarize-translate-claude's utils/translation, batch 92) runs in no browser.
  if (framework === "extension" && status === "browser" && chain.length === 1 && isNodeProgram(source)) return undefined;
  const role = graph.role(file);
  // TanStack Start: only a module that calls what its compiler cuts has server code inside calls.
  const serverCalls = role.serverCalls === true && mayHoldServerCalls(source.text);
  const serverRanges = role.serverExports || serverCalls ? splitServerCode(source.ast as unknown as AnyNode, role.serverExports, serverCalls).serverRanges : [];
  return { status, context: { graph, chainText: formatChain(graph.framework.root, chain), serverRanges } };
}

/**
 * An .astro file renders on the server, but Astro bundles its `<script>` blocks for the browser,
 * whichever page uses it: the scripts are browser code, the frontmatter is not.
 */
function astroContext(graph: ClientGraph, source: SourceFile, file: string): { status: "browser"; context: BrowserContext } | undefined {
  const { blocks } = codeBlocks(file, source.text);
  if (!blocks.some((block) => block.kind === "script")) return undefined;
  const serverRanges = blocks.filter((block) => block.kind === "frontmatter").map((block): [number, number] => [block.start, block.end]);
  return { status: "browser", context: { graph, chainText: formatChain(graph.framework.root, [file]), serverRanges } };
}

export function formatChain(root: string, chain: string[]): string {
  // A chain into a workspace package is shown from the monorepo's root (apps/web/… → packages/ai/…).
  const outside = chain.some((file) => !file.startsWith(root + path.sep));
  const base = outside ? (workspaceOf(root)?.root ?? root) : root;
  const shown = chain.map((file) => path.relative(base, file).split(path.sep).join("/"));
  // Long chains keep both ends, which say where it starts and where it leaks.
  return (shown.length > 6 ? [...shown.slice(0, 3), "…", ...shown.slice(-2)] : shown).join(" → ");
}

export function findClientSecrets(source: SourceFile, options: ClientSecretsOptions = {}): Finding[] {
  if (isAgentSkillFile(source.file)) return []; // an agent's example code: nothing builds or serves it
  const mentionsServerOnly = textFacts(source.text).evidence("serverMarker") >= 0;
  if (!mayReadEnv(source.text) && !mentionsServerOnly) return [];
  const secretReads = () => findEnvReads(source.ast, source.text).filter((read) => {
    if (!isPrivateSource(read.source) || read.write) return false;
    if (read.source.startsWith("$env/")) return true;
    if (publicName(read, source.file)) return false;
    return namesSecret(read, source) || options.reportNonSecretReads === true;
  });
  // Server code that hands a secret to the browser as data (props, loader data, a client
  // component's prop): decided by the file's framework and exports, no graph.
  const sent = sentSecrets(source, secretReads);
  // As in findClientAiCalls: with ESLint's tree the reads come first and the graphs only for a
  // file that has one; a scanned file asks the graphs first (its tree is then read only for browser code).
  let reads = source.lazyTree ? [] : secretReads();
  if (!source.lazyTree && reads.length === 0 && !(mentionsServerOnly && mayImportServerOnly(source))) return sent;
  const browser = browserContext(source);
  if (!browser) return sent;
  if (source.lazyTree) reads = secretReads();
  if (reads.length === 0 && !mentionsServerOnly) return sent;
  const { status, context } = browser;
  const findings: Finding[] = [];
  const file = source.file;
  if (status === "server-only") {
    // This module imports `server-only` and browser code imports it: a build error, not a leak.
    for (const statement of source.ast.body) {
      if (statement.type === "ImportDeclaration" && statement.source.value === "server-only") {
        findings.push(finding("no-client-secrets", "serverOnlyInBrowser", file, statement, { chain: context.chainText }));
      }
    }
    return [...sent, ...findings];
  }
  for (const read of reads) {
    if (inRanges(context.serverRanges, rangeOf(read.node)[0])) continue;
    findings.push(finding("no-client-secrets", isSecretRead(read, source) ? "clientSecret" : "undefinedInBrowser", file, read.node, { name: read.name, chain: context.chainText }));
  }
  // A read that runs in the browser is reported as such, once (not also as data sent to it).
  const readInBrowser = new Set(findings.map((found) => found.range.start));
  findings.push(...sent.filter((found) => !readInBrowser.has(found.range.start)));
  if (mentionsServerOnly) findings.push(...serverOnlyImports(source, context));
  return findings;
}

/** A secret read, not merely a non-public one (`reportNonSecretReads` reports those too). */
function isSecretRead(read: EnvRead, source: SourceFile): boolean {
  return read.source.startsWith("$env/") || namesSecret(read, source);
}

/**
 * The name says secret, and the read is not a Firebase web config's public `apiKey`: the value of
 * a config object's `apiKey`, or a name whose siblings among the file's reads spell the config (./firebase-config).
 */
function namesSecret(read: EnvRead, source: SourceFile): boolean {
  return isSecretEnvName(read.name) && !isFirebaseConfigApiKey(read.node) && !firebaseKeysOf(source).has(read.name);
}

const firebaseKeysByProgram = new WeakMap<SourceFile["ast"], Set<string>>();

function firebaseKeysOf(source: SourceFile): Set<string> {
  let names = firebaseKeysByProgram.get(source.ast);
  if (!names) firebaseKeysByProgram.set(source.ast, (names = firebaseConfigKeyNames(findEnvReads(source.ast, source.text).map((read) => read.name))));
  return names;
}

/** Secrets that server code of this file returns to the browser as data (./sent-secrets). */
function sentSecrets(source: SourceFile, secretReads: () => EnvRead[]): Finding[] {
  if (!maySendSecrets(source.file, source.text)) return [];
  // By its name, whatever the source: SvelteKit makes every variable without PUBLIC_ a private one
  // (`ORGANIZATION`, a URL), and sending those is no leak (nuvolaris/smart-ai-secretary).
  const reads = secretReads().filter((read) => namesSecret(read, source));
  return findSentSecrets(source, reads).map((sent) => finding("no-client-secrets", "secretSentToBrowser", source.file, sent.node, { name: sent.read.name, via: sent.via }));
}

/** A public-prefixed name, one defined everywhere, or one a custom Vite `envPrefix` exposes (no-public-secrets reports it). */
function publicName(read: EnvRead, file: string): boolean {
  if (publicPrefixOf(read.name) || ALWAYS_DEFINED.has(read.name)) return true;
  return read.source === "import.meta.env" && publicPrefixVerdict(read.name, read.source, file)?.exposed === true;
}

/**
 * A server secret that browser code reads and the framework does not expose: undefined in the
 * browser bundle, and reported by no-client-secrets (the same predicate as its secret reads).
 */
function unexposedSecretRead(read: EnvRead, file: string): boolean {
  // React Native's build-time env modules write every value into the app.
  if (read.source === "@env" || read.source === "react-native-config") return false;
  if (!isPrivateSource(read.source)) return false;
  if (read.source.startsWith("$env/")) return true;
  return !publicName(read, file) && isSecretEnvName(read.name);
}

/**
 * A key read the bundle holds no value for: a server secret the framework does not expose, or a
 * public prefix read where the build does not write it (`process.env.VITE_…` in a Vite app,
 * resume-t6-frontend: undefined in the browser; no-public-secrets reports the name).
 */
function keptOutOfBundle(read: EnvRead, file: string): boolean {
  if (unexposedSecretRead(read, file)) return true;
  return isSecretEnvName(read.name) && publicPrefixVerdict(read.name, read.source, file)?.exposed === false;
}

/**
 * Whether serverOnlyImports (or the `server-only` build error) could report anything in this
 * file, whatever graph judges it: an import of `server-only` / `$app/server`, or one that resolves
 * to a server-only module. The text test for those ("`.server`") also matches `part.server_label`,
 * and a workspace package's file would then build the graph of every app that depends on it, to
 * report nothing. Resolving the file's imports needs no graph built.
 */
function mayImportServerOnly(source: SourceFile): boolean {
  const file = path.resolve(source.file);
  let graphs: ClientGraph[] | undefined;
  for (const statement of source.ast.body) {
    if (statement.type !== "ImportDeclaration" || statement.importKind === "type") continue;
    const specifier = String(statement.source.value);
    if (specifier.startsWith("$env/")) continue;
    if (specifier === "server-only" || specifier === "$app/server") return true;
    graphs ??= clientGraphsFor(file);
    for (const graph of graphs) {
      const target = graph.resolve(file, specifier);
      if (target && graph.role(target).serverOnly) return true;
    }
  }
  return false;
}

/**
 * An import TypeScript erases, unless the tsconfig keeps imports as written: `import { type Message }
 * from "~/models/message.server"` (1willcobb/chasing-summer, a Remix route), or `import { Message }
 * from "~/.server/db/schema"` whose names are used only as types (professionalowo/Hackathon2024, batch 88).
 */
function erasedImport(statement: TSESTree.ImportDeclaration, source: SourceFile, context: BrowserContext): boolean {
  if (context.graph.verbatimModuleSyntax || statement.specifiers.length === 0) return false;
  if (statement.specifiers.every((s) => s.type === "ImportSpecifier" && s.importKind === "type")) return true;
  if (!/\.[cm]?tsx?$/i.test(source.file)) return false;
  return valueNamesUsed(source.ast as unknown as AnyNode, new Set(statement.specifiers.map((s) => s.local.name))).size === 0;
}

/** Imports of `.server` / `$lib/server` modules from browser code (SvelteKit, Remix). */
function serverOnlyImports(source: SourceFile, context: BrowserContext): Finding[] {
  const findings: Finding[] = [];
  const file = path.resolve(source.file);
  for (const statement of source.ast.body) {
    if (statement.type !== "ImportDeclaration" || statement.importKind === "type") continue;
    if (inRanges(context.serverRanges, statement.range[0])) continue;
    if (erasedImport(statement, source, context)) continue;
    const specifier = String(statement.source.value);
    if (specifier.startsWith("$env/")) continue; // reported at each read
    if (specifier === "server-only" || specifier === "$app/server") {
      if (specifier === "$app/server" || context.graph.framework.name !== "next") {
        findings.push(finding("no-client-secrets", "serverOnlyImport", source.file, statement, { module: specifier, chain: context.chainText }));
      }
      continue;
    }
    const target = context.graph.resolve(file, specifier);
    if (target && context.graph.role(target).serverOnly) {
      findings.push(finding("no-client-secrets", "serverOnlyImport", source.file, statement, { module: specifier, chain: context.chainText }));
    }
  }
  return findings;
}

const MAY_READ_PUBLIC = new RegExp([...PUBLIC_PREFIXES, "import.meta.env", "\\u"].map((word) => word.replace(/[.\\]/g, "\\$&")).join("|"));

export function findPublicSecrets(source: SourceFile, options: PublicSecretsOptions = {}): Finding[] {
  if (isAgentSkillFile(source.file)) return []; // an agent's example code: nothing builds or serves it
  const allow = new Set(options.allow ?? []);
  const findings: Finding[] = findConfigSecrets(source).filter((f) => !allow.has(f.data.name));
  // The reads below are public-prefixed names (PUBLIC_PREFIXES) or import.meta.env: a text that
  // spells none (nor an escape) needs no tree.
  if (!mayReadEnv(source.text) || !MAY_READ_PUBLIC.test(source.text)) return findings;
  const named = findEnvReads(source.ast, source.text).filter(
    (read) =>
      !read.source.endsWith("/private") &&
      (publicPrefixOf(read.name) !== undefined || read.source === "import.meta.env") &&
      !allow.has(read.name) &&
      namesSecret(read, source),
  );
  // `process.env.VITE_KEY = …` sets the variable (a script loading its own .env) and exposes
  // nothing; the rename below still renames it with the reads, so the script keeps working.
  const allReads = named.filter((read) => !read.write);
  const writes = named.filter((read) => read.write);
  if (allReads.length === 0) return findings;
  let serverOnly: boolean | undefined;
  for (const group of readsByStatement(source.ast, allReads)) {
    const read = group[0];
    const verdict = publicPrefixVerdict(read.name, read.source, source.file);
    if (!verdict) continue;
    const { prefix } = verdict;
    const unprefixed = read.name.slice(prefix.length);
    /** The prefix ships the value: to every visitor, or (a desktop app) to every installed copy. */
    const exposedFinding = () => {
      const backEnd = desktopBackEnd(frameworkOf(path.resolve(source.file)));
      if (backEnd) return finding("no-public-secrets", "publicSecretInApp", source.file, read.node, { name: read.name, prefix, unprefixed, tool: verdict.framework ?? "the build", backEnd });
      if (verdict.definedByConfig) return finding("no-public-secrets", "publicSecretDefined", source.file, read.node, { name: read.name, prefix, unprefixed, tool: verdict.framework ?? "the build" });
      return finding("no-public-secrets", "publicSecret", source.file, read.node, { name: read.name, prefix, unprefixed });
    };
    // nuxt.config: a NUXT_PUBLIC_ name reaches the browser only through `runtimeConfig.public`,
    // which ./config-secrets reports by key and by the env var it reads; a private key filled from
    // one (`smtp.auth.pass: process.env.NUXT_PUBLIC_PASSWORD`: codedbyfrancis/edncr, batch 40) ships nothing.
    if (prefix === "NUXT_PUBLIC_" && isBuildConfigFile(source.file) && frameworkOf(path.resolve(source.file)).name === "nuxt") continue;
    if (!verdict.exposed) {
      // A build config runs in Node, where `process.env.VITE_KEY` is as set as any name (it fills a
      // define, reported there; KIMCAT33/voice-spark-reviews' vite.config.ts tests whether it is set):
      // no bug to report. Unless the framework exposes the prefix another way and the config passes
      // the value on: Nuxt serves `import.meta.env.VITE_*` to the browser, so a private runtimeConfig
      // key filled from `process.env.VITE_GOOGLE_AI_STUDIO_API_KEY` names a secret that one read
      // ships (Eddy-Technologies/edtack-mvp, batch 164), as does a dev proxy's header in a Vite config.
      if (isBuildConfigFile(source.file)) {
        const carried = verdict.exposedElsewhere && group.some((each) => !onlyTested(each.node));
        if (carried && !inPublishingBlock(read.node)) findings.push(exposedFinding());
        continue;
      }
      // Server code reads every name the server's environment has (Rmiq/genvideo's
      // `process.env.REACT_APP_…` in a Next.js API route): no bug either. Unless the framework
      // exposes that prefix another way: a Vite project's `process.env.VITE_OPENAI_API_KEY` in its
      // `api/` function (or a Node script: PraveenSalapu/kinetic-constellation's scripts/, batch 44)
      // is a secret one `import.meta.env` read away from every visitor, defined here: the prefix
      // is the problem, not an undefined value.
      // A module only server code imports is asked only where the prefix is public elsewhere: its
      // message changes (publicSecret, not "undefined in the browser"), never whether it is
      // reported (dhopegraphics/hivedemia-web-version's hooks, imported by stores kept in backend/).
      if (serverFile(source) || isNodeProgram(source) || (verdict.exposedElsewhere && onlyServerImportsIt(source))) {
        if (!verdict.exposedElsewhere) continue;
        findings.push(exposedFinding());
        continue;
      }
      // Not a leak but a bug: the framework never copies this prefix into the browser.
      findings.push(finding("no-public-secrets", "prefixNotExposed", source.file, read.node, { name: read.name, prefix, framework: verdict.framework ?? "", exposes: verdict.exposes ?? "" }));
      continue;
    }
    const result = exposedFinding();
    if (read.nameNode && read.source === "process.env") {
      serverOnly ??= runsOnlyOnServer(source);
      if (serverOnly) {
        // Every read of the variable in this statement (`a ? a : "x"`), so the fix leaves none.
        const edits = [...group, ...writes.filter((each) => each.name === read.name)].flatMap((each) => {
          if (!each.nameNode) return [];
          const [start, end] = rangeOf(each.nameNode);
          const text = each.nameNode.type === "Identifier" ? unprefixed : JSON.stringify(unprefixed);
          return [{ kind: "replace" as const, file: source.file, range: { start, end }, text }];
        });
        result.fixes = [{ title: `Read ${unprefixed} instead (this code runs only on the server)`, edits }];
      }
    }
    findings.push(result);
  }
  return findings;
}

/**
 * Known framework, and no browser entry reaches this file: renaming its reads is safe. (The
 * rename fix asks it of every file that reads the name: engine/fixes/rename-public-secret.ts.)
 */
export function runsOnlyOnServer(source: SourceFile): boolean {
  const file = path.resolve(source.file);
  const graph = clientGraphFor(file);
  if (!graph) return false;
  const directives = directivesOf(source.ast);
  if (graph.framework.name === "next" && directives.includes("use client")) return false;
  if (graph.role(file).entry) return false;
  // `dangerouslyAllowBrowser` and the like declare browser use, whatever the graph has seen.
  if (DECLARED_BROWSER_USE.test(source.text)) return false;
  // What no-client-secrets calls browser code (an unreached SPA module, a workspace package's file).
  if (browserContext(source)?.status === "browser") return false;
  const status = graph.status(file);
  return status === undefined || status === "server-reference" || status === "server-only";
}

/** A superset, in text, of the declarations declaredBrowserCalls reports. */
const DECLARED_BROWSER_USE = new RegExp(`${[...BROWSER_FLAGS.keys()].join("|")}|${DIRECT_ACCESS_HEADER}`, "i");

export function findClientAiCalls(source: SourceFile, options: ClientAiCallsOptions = {}): Finding[] {
  if (isAgentSkillFile(source.file)) return []; // an agent's example code: nothing builds or serves it
  if (!options.nodes && !mayCallAi(source.text) && !fetchesImportedAiUrl(source.text, source.file)) return [];
  // Most files that name a provider make no call a browser could make, and are not browser code.
  // With the tree at hand (ESLint), the calls are found first: the graphs (every app that may
  // import the file) are the costly question. A scanned file's tree is the costly part: graphs first.
  let calls = source.lazyTree ? [] : findAiCalls(source.ast, source.text, source.file, options.nodes);
  if (!source.lazyTree && calls.length === 0) return [];
  const browser = browserContext(source);
  const page = browser ? undefined : staticPageChain(source.file);
  if (browser ? browser.status !== "browser" : !page && !DECLARED_BROWSER_USE.test(source.text)) return [];
  if (source.lazyTree) calls = findAiCalls(source.ast, source.text, source.file);
  if (calls.length === 0) return [];
  if (!browser && !page) return declaredBrowserCalls(source, calls);
  // A header that joins a reported request is part of that request's finding.
  calls = calls.filter((call) => !call.joinsRequest);
  if (page) return calls.map((call) => finding("no-client-ai-calls", call.messageId, source.file, call.node, { ...call.data, chain: page }));
  const { context } = browser!;
  return calls
    .filter((call) => !inRanges(context.serverRanges, rangeOf(call.node)[0]))
    // A client or header found by its key alone, whose key is a server secret the framework
    // keeps out of the bundle (`new OpenAI({ apiKey: process.env.OPENAI_API_KEY })` in a Vite
    // component): no key reaches the browser through it. no-client-secrets reports the read.
    // Unless the build's `define` writes a value in its place: then the key ships with the call.
    .filter((call) => !(call.keyReads?.length && call.keyReads.every((read) => keptOutOfBundle(read, source.file) && !definedByBuild(read.name, read.source, source.file))))
    .map((call) => {
      const { messageId, data } = inAppMessage(context.graph.framework, call.messageId, { ...call.data, chain: context.chainText });
      return finding("no-client-ai-calls", messageId, source.file, call.node, data);
    });
}

/**
 * A script of a site with no build that a page loads itself (static-pages.ts): "index.html →
 * gemini.js". Only where no framework claims the file, or in a framework's static folder
 * (`public/`, SvelteKit's `static/`), which the build copies as it is, pages and scripts alike
 * (Singh4599/QuickNote's public/ai-analytics.html → js/ai-analytics-gemini.js in a Vite project,
 * batch 42); and not in a desktop app's folder (an Electron renderer without a bundler keeps its
 * own messages).
 */
function staticPageChain(file: string): string | undefined {
  const framework = frameworkOf(path.resolve(file));
  if (desktopBackEnd(framework)) return undefined;
  if (framework.name !== "unknown" && !/^(?:public|static)[\\/]/.test(path.relative(appRoot(framework), path.resolve(file)))) return undefined;
  const page = pageLoading(file);
  return page && `${path.basename(page)} → ${path.relative(path.dirname(page), path.resolve(file)).split(path.sep).join("/")}`;
}

/**
 * `dangerouslyAllowBrowser: true` and `anthropic-dangerous-direct-browser-access` declare browser
 * use. Where the file's side cannot be decided (unknown framework, or nothing imports it, browser
 * or server), that declaration is taken at its word. Server code (a route, `server/`, a module a
 * server file imports) is not reported.
 */
function declaredBrowserCalls(source: SourceFile, calls: ReturnType<typeof findAiCalls>): Finding[] {
  const declared = calls.filter((call) => call.messageId === "dangerousBrowserClient" || call.messageId === "dangerousDirectBrowserAccess");
  if (declared.length === 0 || serverSideFile(source)) return [];
  const chain = `${path.basename(source.file)}: the flag declares browser use`;
  const framework = frameworkOf(path.resolve(source.file));
  return declared.map((call) => {
    const { messageId, data } = inAppMessage(framework, call.messageId, { ...call.data, chain });
    return finding("no-client-ai-calls", messageId, source.file, call.node, data);
  });
}

/** No browser entry reaches this module, and server-side code imports it (a Node server's `lib/` helper). */
function onlyServerImportsIt(source: SourceFile): boolean {
  const file = path.resolve(source.file);
  const graph = clientGraphFor(file);
  return graph !== undefined && graph.status(file) === undefined && graph.reachedFromServer(file);
}

function serverSideFile(source: SourceFile): boolean {
  // A build config runs in Node: a Vite dev proxy's headers never reach the browser (gabrielvaldivia/falcor, batch 172).
  if (serverFile(source) || isBuildConfigFile(source.file) || isNodeProgram(source)) return true;
  const file = path.resolve(source.file);
  const graph = clientGraphFor(file);
  if (!graph) return frameworkOf(file).name === "unknown" && isNodeServerProject(file);
  const status = graph.status(file);
  return status !== undefined || graph.role(file).serverOnly || graph.reachedFromServer(file);
}

/** Node builtins, dotenv and any NestJS package; the server frameworks are framework.ts's list, read from package.json there. */
const SERVER_IMPORT = /^(?:node:|fs$|path$|http$|child_process$|dotenv(?:\/config)?$|@nestjs\/)/;

/**
 * A Node program: it imports (or requires) node builtins, a server framework or dotenv, or
 * Electron's main-process API (interviewaii/remote-support's src/utils/openai.js, required by the main).
 */
function isNodeProgram(source: SourceFile): boolean {
  return moduleImports(source.ast).some(({ module, names }) => SERVER_IMPORT.test(module) || SERVER_PACKAGES.includes(module) || (module === "electron" && names.some((name) => ELECTRON_MAIN.has(name))));
}

/** Electron's main-process API: a module that takes one of these runs in the main process. */
const ELECTRON_MAIN = new Set(["app", "ipcMain", "BrowserWindow", "Menu", "Tray", "dialog", "globalShortcut", "desktopCapturer"]);

/**
 * A module's imports at its top level: `import … from "x"`, `const x = require("x")`,
 * `const { a } = require("x")`, `require("x")`, `require("x").config()`, with the names taken (imported or destructured).
 */
function moduleImports(program: TSESTree.Program): Array<{ module: string; names: string[] }> {
  const out: Array<{ module: string; names: string[] }> = [];
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration") {
      out.push({ module: String(statement.source.value), names: statement.specifiers.flatMap((s) => (s.type === "ImportSpecifier" && s.imported.type === "Identifier" ? [s.imported.name] : [])) });
    } else if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations) {
        const module = requiredModule(declarator.init);
        if (!module) continue;
        const names = declarator.id.type === "ObjectPattern" ? declarator.id.properties.flatMap((p) => (p.type === "Property" && p.key.type === "Identifier" ? [p.key.name] : [])) : [];
        out.push({ module, names });
      }
    } else if (statement.type === "ExpressionStatement") {
      let expression: TSESTree.Node = statement.expression;
      // `require("dotenv").config()`: the module required, then a call on it (jblankenspoor/PowerCollectV3's test scripts, batch 56).
      if (expression.type === "CallExpression" && expression.callee.type === "MemberExpression" && expression.callee.object.type === "CallExpression") expression = expression.callee.object;
      const module = requiredModule(expression);
      if (module) out.push({ module, names: [] });
    }
  }
  return out;
}

/**
 * Server code by its path or directive: `server/`, `api/`, `functions/`, `scripts/`, `bin/`,
 * `pages/api/`, a `route.ts`, a `*.server.*` or `+server`/`+api` module, a `"use server"` module.
 */
function serverFile(source: SourceFile): boolean {
  const file = path.resolve(source.file);
  const framework = frameworkOf(file);
  const root = framework.name === "unknown" ? (nearestPackageDir(path.dirname(file)) ?? path.dirname(file)) : framework.root;
  const unix = `/${path.relative(root, file).split(path.sep).join("/")}`;
  if (/\/(?:server|api|functions|scripts?|bin)\/|\/pages\/api\/|\/route\.[cm]?[jt]sx?$|\.server\.[^/]*$|\+(?:api|server)\.[^/]*$/.test(unix)) return true;
  return directivesOf(source.ast).includes("use server");
}

function finding(ruleId: string, messageId: string, file: string, node: TSESTree.Node, data: Record<string, string>): Finding {
  const [start, end] = rangeOf(node);
  return { ruleId, messageId, data, file, range: { start, end } };
}
