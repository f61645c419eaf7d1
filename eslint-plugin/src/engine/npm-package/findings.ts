/**
 * Findings of `env-npm-publish`: an env file that `npm publish` of its package would ship
 * (a package without `"private": true` whose scripts do not refuse the publish, see
 * publish-guard.ts). Reported on the env file; the fix adds the entry where npm reads it: a `!` entry in `files` when package.json has `files`, else the package root's
 * `.npmignore`, else its `.gitignore` (npm's fallback), else a new `.npmignore`.
 */
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type * as Jsonc from "jsonc-parser";
import type { Finding, FixPlan } from "../finding";
import { appendEntriesEdit } from "../gitignore/append-entries";
import { readText } from "../gitignore/file-cache";
import { findGitRepo } from "../gitignore/git-repo";
import { entryNameFor, isEnvFileAtRisk } from "../ship/env-file-risk";
import { ENV_NPM_PUBLISH_RULE } from "./messages";
import { filesOf, publishVerdict, readPackageJson } from "./packlist";
import { refusesPublishHere } from "./publish-guard";

/** `atRisk`: isEnvFileAtRisk's answer when the caller has it (it asks git, once per env file is enough). */
export function envFileNpmFindings(file: string, text: string, atRisk?: boolean): Finding[] {
  const absolute = resolve(file);
  if (!(atRisk ?? isEnvFileAtRisk(absolute, text))) return [];
  const packageDir = packageDirOf(absolute);
  if (!packageDir) return [];
  const pkg = readPackageJson(packageDir);
  if (!pkg || pkg.private === true || typeof pkg.name !== "string" || refusesPublishHere(pkg)) return [];
  const path = relative(packageDir, absolute).split(sep).join("/");
  if (path.split("/").includes("node_modules")) return [];
  const verdict = publishVerdict(packageDir, pkg, path);
  if (!verdict.published) return [];
  const name = basename(absolute);
  const fix = fixFor(packageDir, path, name);
  return [
    {
      ruleId: ENV_NPM_PUBLISH_RULE,
      messageId: filesOf(pkg) ? "listedInFiles" : "notIgnored",
      data: { file: name, package: pkg.name, entry: fix?.entry ?? path, target: fix?.target ?? ".npmignore" },
      file: absolute,
      range: { start: 0, end: Math.max(0, text.search(/\r?\n|$/)) },
      fixes: fix ? [fix.plan] : undefined,
    },
  ];
}

/** The nearest package.json folder, not above the repository root. */
function packageDirOf(file: string): string | undefined {
  const repo = findGitRepo(dirname(file));
  let dir = dirname(file);
  for (;;) {
    if (readText(join(dir, "package.json")) !== undefined) return dir;
    if (repo && dir === repo.root) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function fixFor(packageDir: string, path: string, name: string): { plan: FixPlan; entry: string; target: string } | undefined {
  const known = entryNameFor(name);
  const pkgFile = join(packageDir, "package.json");
  const pkgText = readText(pkgFile);
  const pkg = readPackageJson(packageDir);
  const files = pkg && filesOf(pkg);
  if (files && pkgText !== undefined) {
    // `files` entries are globs from the package root: `**/` covers every folder.
    const entry = known ? `!**/${known}` : `!${path}`;
    // Loaded only to build this fix: importing the plugin should not pay for it.
    const { modify, applyEdits } = require("jsonc-parser") as typeof Jsonc;
    const edits = modify(pkgText, ["files", -1], entry, { isArrayInsertion: true, formattingOptions: formatting(pkgText) });
    const updated = applyEdits(pkgText, edits);
    return {
      entry,
      target: "`files` in package.json",
      plan: { title: `Add "${entry}" to files in package.json`, isPreferred: true, edits: [{ kind: "replace", file: pkgFile, range: { start: 0, end: pkgText.length }, text: updated }] },
    };
  }
  const entry = known ?? `/${path}`;
  for (const target of [".npmignore", ".gitignore"]) {
    const ignoreFile = join(packageDir, target);
    const text = readText(ignoreFile);
    if (text === undefined) continue;
    return { entry, target, plan: { title: `Add ${entry} to ${target}`, isPreferred: true, edits: [appendEntriesEdit(ignoreFile, text, [entry])] } };
  }
  const npmignore = join(packageDir, ".npmignore");
  return { entry, target: ".npmignore", plan: { title: `Create .npmignore with ${entry}`, isPreferred: true, edits: [appendEntriesEdit(npmignore, undefined, [entry])] } };
}

function formatting(text: string): { insertSpaces: boolean; tabSize: number; eol: string } {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  return { insertSpaces: !indent.startsWith("\t"), tabSize: indent.startsWith("\t") ? 1 : indent.length, eol: text.includes("\r\n") ? "\r\n" : "\n" };
}
