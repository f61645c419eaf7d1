/**
 * Editor and CI agree: in a trusted workspace, each analysed file gets the `keyfence/*` rules the
 * project's own ESLint configures for it (off, severity, options), asked from that ESLint
 * (`calculateConfigForFile`), as vscode-eslint asks the project's ESLint rather than bundling one.
 *
 * Loading a project's eslint.config runs workspace code, so this runs only when the client says
 * the workspace is trusted (`trusted`), and only for folders whose `keyfence.useEslintConfig` is on
 * (the server checks that per folder, workspace.ts). Any other case, no
 * ESLint (or one older than 9, before flat config), no config file, a config that throws or takes
 * too long, or a file ESLint ignores: the defaults, with one log line per folder and reason.
 *
 * Results are cached per file for as long as the config file and the package.json beside it keep
 * their mtimes; a change to either loads the config again in a fresh ESLint instance.
 */
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { scanText } from "../../../eslint-plugin/src/engine/keys/index";
import type { RuleSeverity, Settings } from "../../src/settings";
import type { RuleOptions } from "../../src/analyze";
import { fileKind } from "../../src/file-kinds";

/** One `keyfence/*` rule as the project's ESLint configures it for a file. */
export interface ProjectRule {
  severity: Exclude<RuleSeverity, "info" | "hint">;
  /** The rule's first option object (every KeyFence rule takes one), or {}. */
  options: Record<string, unknown>;
}

/** Rule id (without `keyfence/`) → its configuration; undefined means "use the defaults". */
export type ProjectRules = Map<string, ProjectRule>;

/** What the client says: whether workspace code may run. */
export interface EslintConfigTrust {
  trusted: boolean;
}

/** `trusted` at the top of initializationOptions or beside the settings. */
export function trustFrom(raw: unknown, previous?: EslintConfigTrust): EslintConfigTrust {
  const value = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  return { trusted: typeof value.trusted === "boolean" ? value.trusted : (previous?.trusted ?? false) };
}

/** The settings and engine options for one file: ESLint's config over the defaults, the `keyfence.rules` setting over both. */
export function withProjectRules(settings: Settings, rules: ProjectRules | undefined, eslintCwd?: string): { settings: Settings; ruleOptions?: RuleOptions } {
  if (!rules) return { settings };
  const severities: Record<string, RuleSeverity> = {};
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  for (const [rule, { severity, options }] of rules) {
    severities[rule] = severity;
    ruleOptions[rule] = options;
  }
  // The ESLint rule resolves `ignoreFiles` against ESLint's cwd (context.cwd), so does the editor.
  if (ruleOptions["no-hardcoded-keys"]) ruleOptions["no-hardcoded-keys"] = { ...ruleOptions["no-hardcoded-keys"], cwd: eslintCwd };
  return { settings: { ...settings, rules: { ...severities, ...settings.rules } }, ruleOptions: ruleOptions as RuleOptions };
}

/** What a calculated config holds that matters here. */
interface FileConfig {
  rules?: Record<string, unknown>;
  processor?: unknown;
  plugins?: Record<string, { processors?: Record<string, unknown> } | undefined>;
}

interface EslintInstance {
  findConfigFile(file: string): Promise<string | undefined>;
  calculateConfigForFile(file: string): Promise<FileConfig | undefined>;
}
type EslintClass = new (options: { cwd: string }) => EslintInstance;

interface FolderState {
  ESLint?: EslintClass;
  /** Why the defaults apply to the whole folder (no ESLint, too old, failed to load). */
  unavailable?: string;
  eslint?: EslintInstance;
  /** Config file → its stamp (its mtime and its package.json's): a nested package may have its own. */
  stamps: Map<string, string>;
  /** Stamps whose config failed to load or timed out: the defaults until the config changes. */
  failed: Set<string>;
  /** File → its rules, computed under a stamp. */
  results: Map<string, { stamp: string; rules: Promise<ProjectRules | undefined> }>;
}

const MAX_CACHED_FILES = 1000;

export class EslintConfigs {
  private trust: EslintConfigTrust = { trusted: false };
  private readonly folders = new Map<string, FolderState>();
  private readonly logged = new Set<string>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly timeoutMs = 10_000,
  ) {}

  /** From initializationOptions, its settings, or a configuration change: what `raw` says, the rest kept. */
  updateTrust(raw: unknown): void {
    this.trust = trustFrom(raw, this.trust);
  }

  get applies(): boolean {
    return this.trust.trusted;
  }

  /** The project's `keyfence/*` rules for `file`, or undefined for the defaults. Never throws. */
  async rulesFor(file: string, folder = dirname(file)): Promise<ProjectRules | undefined> {
    if (!this.applies) return undefined;
    const state = this.stateOf(folder, file);
    if (!state.ESLint) return this.fallback(folder, state.unavailable ?? "ESLint not found");
    let configFile: string | undefined;
    try {
      state.eslint ??= new state.ESLint({ cwd: folder });
      configFile = await this.timeBoxed(state.eslint.findConfigFile(file));
    } catch (error) {
      return this.fallback(folder, `ESLint failed to look for a config (${errorText(error)})`);
    }
    if (!configFile) return this.fallback(folder, "no eslint.config file");
    const stamp = `${configFile}:${mtimeOf(configFile)}:${mtimeOf(join(dirname(configFile), "package.json"))}`;
    const known = state.stamps.get(configFile);
    if (known !== undefined && known !== stamp) {
      // A changed config: ESLint caches what it loaded per instance, so a fresh one reads it again.
      state.eslint = new state.ESLint({ cwd: folder });
      this.logged.clear();
    }
    state.stamps.set(configFile, stamp);
    // One slow or broken config costs one wait, not one per file.
    if (state.failed.has(stamp)) return undefined;
    const cached = state.results.get(file);
    if (cached?.stamp === stamp) return cached.rules;
    const rules = this.load(state, file, folder, stamp);
    state.results.delete(file);
    if (state.results.size >= MAX_CACHED_FILES) state.results.delete(state.results.keys().next().value as string);
    state.results.set(file, { stamp, rules });
    return rules;
  }

  /**
   * A file changed on disk. Config and package.json changes are seen by their mtimes; here only a
   * folder without a usable ESLint looks again after a package.json change (ESLint just installed).
   */
  forget(path: string): void {
    if (basename(path) !== "package.json") return;
    for (const [folder, state] of this.folders) if (!state.ESLint) this.folders.delete(folder);
  }

  /** Starts loading each folder's config (ESLint, the config, its plugins) before the first file needs it. */
  warmUp(folders: string[]): void {
    // After the current message: resolving and requiring ESLint is synchronous work.
    setImmediate(() => {
      for (const folder of folders) void this.rulesFor(join(folder, "index.js"), folder);
    });
  }

  private async load(state: FolderState, file: string, folder: string, stamp: string): Promise<ProjectRules | undefined> {
    let config: FileConfig | undefined;
    try {
      config = await this.timeBoxed(state.eslint!.calculateConfigForFile(file));
    } catch (error) {
      state.failed.add(stamp);
      return this.fallback(folder, `the ESLint config failed to load (${errorText(error)})`);
    }
    // No config for the file: ESLint ignores it (an env file no config object matches, node_modules, …).
    if (!config) return undefined;
    // Env, .gitignore and text files reach CI only through KeyFence's processors, which report at
    // their own severities whatever `rules` says (eslint-plugin/src/env-files-processor.ts).
    if (fileKind(file) !== "code") return processorRules(config);
    const rules = keyfenceRules(config.rules ?? {});
    // A project that does not use eslint-plugin-keyfence: the extension keeps its defaults.
    return rules.size > 0 ? rules : this.fallback(folder, "the ESLint config has no keyfence/* rules");
  }

  private stateOf(folder: string, file: string): FolderState {
    let state = this.folders.get(folder);
    if (!state) {
      state = { stamps: new Map(), failed: new Set(), results: new Map(), ...eslintFrom([dirname(file), folder]) };
      this.folders.set(folder, state);
    }
    return state;
  }

  private fallback(folder: string, reason: string): undefined {
    const line = `KeyFence: default rule settings for ${folder}: ${reason}`;
    if (!this.logged.has(line)) {
      this.logged.add(line);
      this.log(line);
    }
    return undefined;
  }

  private timeBoxed<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}

/** The project's own ESLint, resolved as Node would from the file's folder, then the workspace folder. */
function eslintFrom(dirs: string[]): { ESLint?: EslintClass; unavailable?: string } {
  for (const dir of dirs) {
    // createRequire, not the server's own require: the project's ESLint, never one bundled here.
    const requireHere = createRequire(join(dir, "__keyfence__.js"));
    let version: string;
    try {
      version = (requireHere("eslint/package.json") as { version: string }).version;
    } catch {
      continue;
    }
    if (Number.parseInt(version, 10) < 9) return { unavailable: `ESLint ${version} is older than 9 (no flat config API)` };
    try {
      const { ESLint } = requireHere("eslint") as { ESLint?: EslintClass };
      return ESLint ? { ESLint } : { unavailable: `ESLint ${version} has no ESLint class` };
    } catch (error) {
      return { unavailable: `ESLint ${version} failed to load (${errorText(error)})` };
    }
  }
  return { unavailable: "ESLint is not installed in the project" };
}

/** `keyfence/<rule>` entries of a calculated config: `[severity, options?]`, severity 0/1/2 or its name. */
export function keyfenceRules(rules: Record<string, unknown>): ProjectRules {
  const out: ProjectRules = new Map();
  for (const [id, entry] of Object.entries(rules)) {
    if (!id.startsWith("keyfence/")) continue;
    const [level, options] = Array.isArray(entry) ? entry : [entry];
    const severity = severityOf(level);
    if (!severity) continue;
    out.set(id.slice("keyfence/".length), { severity, options: typeof options === "object" && options !== null ? (options as Record<string, unknown>) : {} });
  }
  return out;
}

/** The severities of the KeyFence processor that handles the file, or undefined (defaults). */
export function processorRules(config: FileConfig): ProjectRules | undefined {
  let processor = config.processor;
  if (typeof processor === "string") {
    // `processor: "keyfence/env-files"`: the plugin's processor by name.
    const slash = processor.lastIndexOf("/");
    processor = config.plugins?.[processor.slice(0, slash)]?.processors?.[processor.slice(slash + 1)];
  }
  const { meta, severities } = (processor ?? {}) as { meta?: { name?: string }; severities?: Record<string, unknown> };
  // An older eslint-plugin-keyfence does not say its severities: its defaults are the engine's.
  if (!meta?.name?.startsWith("keyfence/") || typeof severities !== "object" || severities === null) return undefined;
  const rules = keyfenceRules(Object.fromEntries(Object.entries(severities).map(([rule, level]) => [`keyfence/${rule}`, level])));
  return rules.size > 0 ? rules : undefined;
}

function severityOf(level: unknown): ProjectRule["severity"] | undefined {
  if (level === 0 || level === "off") return "off";
  if (level === 1 || level === "warn") return "warning";
  if (level === 2 || level === "error") return "error";
  return undefined;
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** The first line only (a config's stack trace is not for the log), with any key in it redacted. */
function errorText(error: unknown): string {
  const line = (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 300);
  let out = line;
  for (const match of scanText(line).reverse()) out = out.slice(0, match.start) + match.redacted + out.slice(match.end);
  return out;
}
