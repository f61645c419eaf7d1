/**
 * Real git repositories in temp folders, and the real ESLint class with the plugin built from
 * sources: what the env/.gitignore tests run against (no mocks of git or of ESLint).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ESLint } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import { clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";

export interface RepoOptions {
  /** Run `git init` (default true). */
  git?: boolean;
  /** Paths to `git add` after writing the files. */
  add?: string[];
}

const made: string[] = [];

/** A temp folder with `files` written (paths relative to it), optionally a git repository. */
export function makeRepo(files: Record<string, string>, options: RepoOptions = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "keyfence-env-")));
  made.push(dir);
  if (options.git !== false) git(dir, "init", "-q");
  for (const [path, text] of Object.entries(files)) writeFile(dir, path, text);
  if (options.add && options.add.length > 0) git(dir, "add", "-f", "--", ...options.add);
  clearGitignoreCache();
  return dir;
}

export function writeFile(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

export function readFile(dir: string, path: string): string {
  return readFileSync(join(dir, path), "utf8");
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=KeyFence", "-c", "user.email=test@example.invalid", ...args], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** What `git check-ignore` says: the reference the JS implementation must agree with. */
export function gitIgnores(dir: string, path: string): boolean {
  try {
    execFileSync("git", ["check-ignore", "-q", "--no-index", "--", path], { cwd: dir, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function removeRepos(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** What a user writes: `export default [keyfence.configs.recommended]`. */
export const userConfig = [plugin.configs.recommended];

export interface Message {
  file: string;
  ruleId: string | null;
  messageId?: string;
  line: number;
  column: number;
  message: string;
}

/** Lints the folder the way `eslint .` does there, with configs.recommended alone. */
export async function lint(dir: string, options: { fix?: boolean; patterns?: string[] } = {}): Promise<Message[]> {
  clearGitignoreCache();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: userConfig, fix: options.fix ?? false });
  const results = await eslint.lintFiles(options.patterns ?? ["."]);
  if (options.fix) await ESLint.outputFixes(results);
  return results.flatMap((result) =>
    result.messages.map((m) => ({
      file: result.filePath.slice(dir.length + 1).split("\\").join("/"),
      ruleId: m.ruleId,
      messageId: m.messageId,
      line: m.line,
      column: m.column,
      message: m.message,
    })),
  );
}
