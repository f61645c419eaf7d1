/**
 * Findings of `env-dockerignore`, one function per file they are reported on:
 * - an env file: it is in a build context, a COPY/ADD takes it, .dockerignore does not exclude
 *   it (fix: append the entries to the .dockerignore, created if absent);
 * - a .dockerignore: a build that copies the whole context and no entry for env files not yet
 *   created (fix: append, in this file, so a safe autofix);
 * - a Dockerfile without any .dockerignore: the same, on the COPY line (fix: create it).
 */
import { existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { Finding, FixPlan } from "../finding";
import { appendEntriesEdit } from "../gitignore/append-entries";
import { derive, readText } from "../gitignore/file-cache";
import { findGitRepo } from "../gitignore/git-repo";
import { listForMessage } from "../gitignore/messages";
import { entryNameFor, isEnvFileAtRisk } from "../ship/env-file-risk";
import { folderEntries } from "../ship/folder-entries";
import { type DockerBuild, buildsAround, buildsContaining, contextPath, ignoreFileFor } from "./builds";
import { contextVerdict, copyOf } from "./context-rules";
import { type Dockerfile, parseDockerfile } from "./dockerfile";
import { ENV_DOCKERIGNORE_RULE } from "./messages";

/** What KeyFence appends to a .dockerignore: anchored at any depth, as Docker needs. */
const DOCKER_ENTRIES: Record<string, string> = { ".env": "**/.env", ".env.local": "**/.env.local", ".env.*.local": "**/.env.*.local" };
/** Names probed at the context root even before they exist: the next `docker build` must stay safe. */
const PROBES = [".env", ".env.local", ".env.development.local", ".env.production.local"];

/** `atRisk`: isEnvFileAtRisk's answer when the caller has it (it asks git, once per env file is enough). */
export function envFileDockerFindings(file: string, text: string, atRisk?: boolean): Finding[] {
  const absolute = resolve(file);
  if (!(atRisk ?? isEnvFileAtRisk(absolute, text))) return [];
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const build of buildsContaining(absolute)) {
    const path = contextPath(build, absolute)!;
    const dockerfile = dockerfileOf(build.dockerfile);
    const match = dockerfile && copyOf(dockerfile.copies, path);
    if (!match) continue;
    const verdict = contextVerdict(build.ignoreFile, path);
    if (verdict.excluded || reported.has(build.ignoreFile)) continue;
    reported.add(build.ignoreFile);
    const data = {
      file: basename(absolute),
      dockerfile: shown(absolute, build.dockerfile),
      dockerignore: shown(absolute, build.ignoreFile),
      copy: match.copy.written,
      line: String(match.copy.line),
      via: build.composeFile ? ` (built by ${shown(absolute, build.composeFile)})` : "",
    };
    const range = { start: 0, end: firstLineEnd(text) };
    if (verdict.reincludedBy) {
      findings.push({ ruleId: ENV_DOCKERIGNORE_RULE, messageId: "envReincluded", data: { ...data, pattern: verdict.reincludedBy }, file: absolute, range });
    } else if (match.explicit) {
      // Excluding a file the Dockerfile names would break the build: the fix is in the Dockerfile.
      findings.push({ ruleId: ENV_DOCKERIGNORE_RULE, messageId: "envCopiedByName", data, file: absolute, range });
    } else {
      const entry = entryFor(basename(absolute), path);
      const fix = appendPlan(build.ignoreFile, [entry]);
      findings.push({
        ruleId: ENV_DOCKERIGNORE_RULE,
        messageId: "envInImage",
        data: { ...data, entries: `\`${entry}\`` },
        file: absolute,
        range,
        fixes: fix ? [fix] : undefined,
      });
    }
  }
  return findings;
}

/** A .dockerignore (with its unsaved `text`): entries missing for a build that copies the whole context. */
export function dockerignoreFileFindings(file: string, text: string): Finding[] {
  const absolute = resolve(file);
  const builds = buildsAround(dirname(absolute)).filter((build) => build.ignoreFile === absolute);
  const gap = firstGap(builds, text);
  if (!gap) return [];
  return [
    {
      ruleId: ENV_DOCKERIGNORE_RULE,
      messageId: "missingEntries",
      data: gap.data(absolute),
      file: absolute,
      range: { start: 0, end: firstLineEnd(text) },
      fixes: [{ title: `Add ${gap.entries.join(", ")} to .dockerignore`, edits: [appendEntriesEdit(absolute, text, gap.entries)], isPreferred: true }],
    },
  ];
}

/** A Dockerfile with no .dockerignore at all: reported on the COPY that takes the whole context. */
export function dockerfileContextFindings(file: string, text: string): Finding[] {
  const absolute = resolve(file);
  const context = dirname(absolute);
  const build: DockerBuild = { dockerfile: absolute, context, ignoreFile: ignoreFileFor(absolute, context) };
  if (existsSync(build.ignoreFile)) return [];
  const gap = firstGap([build], undefined, parseDockerfile(text));
  if (!gap) return [];
  const plan = appendPlan(build.ignoreFile, gap.entries);
  return [
    {
      ruleId: ENV_DOCKERIGNORE_RULE,
      messageId: "missingEntries",
      data: gap.data(absolute),
      file: absolute,
      range: gap.range,
      fixes: plan ? [plan] : undefined,
    },
  ];
}

interface Gap {
  entries: string[];
  range: { start: number; end: number };
  data(reportedIn: string): Record<string, string>;
}

/** The first build whose whole-context copy takes env files the .dockerignore does not exclude. */
function firstGap(builds: DockerBuild[], ignoreText: string | undefined, parsed?: Dockerfile): Gap | undefined {
  for (const build of builds) {
    const dockerfile = parsed ?? dockerfileOf(build.dockerfile);
    if (!dockerfile) continue;
    const uncovered: string[] = [];
    let copyLine: Gap["range"] | undefined;
    let copyText = "";
    let line = 0;
    for (const path of probePaths(build)) {
      const match = copyOf(dockerfile.copies, path);
      if (!match || match.explicit) continue;
      const verdict = contextVerdict(build.ignoreFile, path, ignoreText);
      if (verdict.excluded || verdict.reincludedBy) continue;
      uncovered.push(path);
      copyLine ??= match.copy.range;
      copyText ||= match.copy.written;
      line ||= match.copy.line;
    }
    if (uncovered.length === 0) continue;
    const entries = [...new Set(uncovered.map((path) => entryFor(path.slice(path.lastIndexOf("/") + 1), path)))];
    return {
      entries,
      range: copyLine!,
      data: (reportedIn) => ({
        copy: copyText,
        dockerfile: shown(reportedIn, build.dockerfile),
        dockerignore: shown(reportedIn, build.ignoreFile),
        files: listForMessage(uncovered),
        entries: listForMessage(entries),
        line: String(line),
      }),
    };
  }
  return undefined;
}

/** Root probes, plus the same names in each folder of the context that holds a package.json. */
function probePaths(build: DockerBuild): string[] {
  const paths = [...PROBES];
  for (const name of folderEntries(build.context)) {
    if (name.startsWith(".env") && entryNameFor(name) && !paths.includes(name)) paths.push(name);
  }
  for (const folder of folderEntries(build.context)) {
    if (folder === "node_modules" || folder.startsWith(".")) continue;
    if (existsSync(join(build.context, folder, "package.json"))) paths.push(`${folder}/.env`, `${folder}/.env.local`);
  }
  return paths;
}

function entryFor(name: string, path: string): string {
  const entry = entryNameFor(name);
  return entry ? DOCKER_ENTRIES[entry] : path;
}

function appendPlan(ignoreFile: string, entries: string[]): FixPlan | undefined {
  const text = readText(ignoreFile);
  // A .dockerignore that exists but cannot be read is never overwritten.
  if (text === undefined && existsSync(ignoreFile)) return undefined;
  const verb = text === undefined ? "Create .dockerignore with" : `Add`;
  const title = text === undefined ? `${verb} ${entries.join(", ")}` : `${verb} ${entries.join(", ")} to ${basename(ignoreFile)}`;
  return { title, edits: [appendEntriesEdit(ignoreFile, text, entries)], isPreferred: true };
}

function dockerfileOf(file: string): Dockerfile | undefined {
  return derive(file, "dockerfile", (text) => (text === undefined ? undefined : parseDockerfile(text)));
}

/** A path as the user reads it: relative to the repository (or to the reported file's folder). */
function shown(reportedIn: string, path: string): string {
  const repo = findGitRepo(dirname(reportedIn));
  const base = repo?.root ?? dirname(reportedIn);
  return relative(base, path).split("\\").join("/") || basename(path);
}

function firstLineEnd(text: string): number {
  const end = text.search(/\r?\n/);
  return end < 0 ? text.length : end;
}
