/**
 * envFileCoverage / repositoryEnvCoverage / fileGitStatus on real repositories: what is missing
 * for each framework template, monorepos, tracked files, no .gitignore, no git; and the edit
 * that appends entries (line endings, final newline, idempotency).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  KEYFENCE_COMMENT,
  appendEntriesEdit,
  envFileCoverage,
  fileGitStatus,
  findGitRepo,
  repositoryEnvCoverage,
} from "../../eslint-plugin/src/engine/gitignore";
import type { FileEdit } from "../../eslint-plugin/src/engine/finding";
import { git, makeRepo, removeRepos, writeFile } from "./support";
import { EXPECTED_MISSING, TEMPLATES } from "./templates";

function apply(text: string, edit: FileEdit): string {
  assert.equal(edit.kind, "replace");
  if (edit.kind !== "replace") return text;
  return text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end);
}

describe("env/.gitignore: coverage", () => {
  after(removeRepos);

  for (const [name, template] of Object.entries(TEMPLATES) as Array<[keyof typeof TEMPLATES, string]>) {
    it(`finds what the ${name} template leaves out, and the fix covers it`, () => {
      const dir = makeRepo({ "package.json": "{}", ".gitignore": template });
      const coverage = envFileCoverage(dir)!;
      assert.deepEqual(coverage.missingEntries, EXPECTED_MISSING[name]);
      if (coverage.missingEntries.length === 0) return assert.equal(coverage.fix, undefined);
      const fixed = apply(template, coverage.fix!.edits[0]);
      const again = envFileCoverage(dir, { overrides: new Map([[join(dir, ".gitignore"), fixed]]) })!;
      assert.deepEqual(again.missingEntries, []);
      assert.deepEqual(again.uncovered, []);
    });
  }

  it("puts the fix in the repository root's .gitignore for a package of a monorepo", () => {
    const dir = makeRepo({ ".gitignore": "/.env\n", "packages/app/package.json": "{}", "packages/app/.env": "A=1\n" });
    const coverage = envFileCoverage(join(dir, "packages/app"))!;
    assert.equal(coverage.gitignore, join(dir, ".gitignore"));
    assert.deepEqual(coverage.missingEntries, [".env", ".env.local", ".env.*.local"]);
    assert.ok(coverage.uncovered.some((u) => u.path === "packages/app/.env" && u.exists));
  });

  it("checks every package of the repository at once", () => {
    const dir = makeRepo({
      ".gitignore": "/.env\n/.env.local\n/.env.*.local\n",
      "package.json": "{}",
      "packages/web/package.json": "{}",
      "packages/api/package.json": "{}",
    });
    const coverage = repositoryEnvCoverage(findGitRepo(dir)!);
    const paths = coverage.uncovered.map((u) => u.path);
    assert.ok(paths.includes("packages/web/.env") && paths.includes("packages/api/.env.local"));
    assert.ok(!paths.includes(".env"));
    assert.deepEqual(coverage.missingEntries, [".env", ".env.local", ".env.*.local"]);
  });

  it("does not append after a deliberate `!.env`, and points at it", () => {
    const dir = makeRepo({ ".gitignore": ".env*\n", "app/package.json": "{}", "app/.gitignore": "!.env\n" });
    const coverage = repositoryEnvCoverage(findGitRepo(dir)!);
    const reincluded = coverage.uncovered.find((u) => u.path === "app/.env")!;
    assert.equal(reincluded.verdict.negative, true);
    assert.equal(reincluded.verdict.source, join(dir, "app/.gitignore"));
    assert.deepEqual(coverage.missingEntries, []);
  });

  it("treats .git/info/exclude as not covered, and says so", () => {
    // A project's `.env` (a root that is no project asks for it only when it holds a secret).
    const dir = makeRepo({ "package.json": "{}", ".gitignore": ".env.local\n.env.*.local\n", ".env": "A=1\n" });
    writeFile(dir, ".git/info/exclude", ".env\n");
    const coverage = envFileCoverage(dir)!;
    assert.deepEqual(coverage.missingEntries, [".env"]);
    assert.equal(coverage.uncovered[0].verdict.thisCloneOnly, true);
  });

  it("offers to create .gitignore when there is none", () => {
    const dir = makeRepo({ "package.json": "{}" });
    const coverage = envFileCoverage(dir)!;
    assert.equal(coverage.gitignoreExists, false);
    assert.deepEqual(coverage.fix!.edits, [
      { kind: "create", file: join(dir, ".gitignore"), text: `${KEYFENCE_COMMENT}\n.env\n.env.local\n.env.*.local\n` },
    ]);
  });

  it("is silent outside git", () => {
    const dir = makeRepo({ "package.json": "{}", ".env": "A=1\n" }, { git: false });
    assert.equal(envFileCoverage(dir), undefined);
    const status = fileGitStatus(join(dir, ".env"));
    assert.equal(status.repo, undefined);
    assert.equal(status.committable, false);
  });

  it("tells tracked, ignored and committable files apart", () => {
    const dir = makeRepo(
      { ".gitignore": ".env.local\n", ".env": "A=1\n", ".env.local": "A=2\n", ".env.example": "A=\n", ".env.staging": "A=3\n" },
      { add: [".env", ".env.example"] },
    );
    const status = (name: string) => fileGitStatus(join(dir, name));
    assert.deepEqual([status(".env").tracked, status(".env").committable], [true, false]);
    assert.deepEqual([status(".env.local").verdict.ignored, status(".env.local").committable], [true, false]);
    assert.deepEqual([status(".env.example").tracked, status(".env.example").template], [true, true]);
    assert.deepEqual([status(".env.staging").tracked, status(".env.staging").committable], [false, true]);
  });

  it("sees a file untracked after `git rm --cached`", () => {
    const dir = makeRepo({ ".env": "A=1\n" }, { add: [".env"] });
    assert.equal(fileGitStatus(join(dir, ".env")).tracked, true);
    git(dir, "rm", "-q", "--cached", ".env");
    assert.equal(fileGitStatus(join(dir, ".env")).tracked, false);
  });
});

describe("env/.gitignore: appending entries", () => {
  const entries = [".env", ".env.local"];
  const cases: Array<[string, string, string]> = [
    ["LF with a final newline", "node_modules\n", `node_modules\n\n${KEYFENCE_COMMENT}\n.env\n.env.local\n`],
    ["LF without a final newline", "node_modules", `node_modules\n\n${KEYFENCE_COMMENT}\n.env\n.env.local`],
    ["CRLF with a final newline", "a\r\nb\r\n", `a\r\nb\r\n\r\n${KEYFENCE_COMMENT}\r\n.env\r\n.env.local\r\n`],
    ["CRLF without a final newline", "a\r\nb", `a\r\nb\r\n\r\n${KEYFENCE_COMMENT}\r\n.env\r\n.env.local`],
    ["a blank last line", "a\n\n", `a\n\n${KEYFENCE_COMMENT}\n.env\n.env.local\n`],
    ["an empty file", "", `${KEYFENCE_COMMENT}\n.env\n.env.local\n`],
    ["KeyFence's comment already there", `a\n${KEYFENCE_COMMENT}\n`, `a\n${KEYFENCE_COMMENT}\n.env\n.env.local\n`],
  ];
  for (const [name, before, after] of cases) {
    it(`keeps ${name}`, () => {
      const result = apply(before, appendEntriesEdit("/x/.gitignore", before, entries));
      assert.equal(result, after);
      // Never drops or reorders a line: the old text is a prefix of the new one.
      assert.ok(result.startsWith(before));
    });
  }
});
