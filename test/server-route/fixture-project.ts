/**
 * Fixture projects copied to a temp folder, with generated keys in place of the placeholders,
 * and a plan applier that writes a FixPlan to disk the way the extension's WorkspaceEdit would.
 */
import * as fs from "node:fs";
import { applyFileEdits } from "../support/apply-edits";
import * as os from "node:os";
import * as path from "node:path";
import type { FixPlan } from "../../eslint-plugin/src/engine/finding";
import { seededRandom } from "../support/fake-keys";

export const FIXTURES = path.join(__dirname, "..", "fixtures", "server-route");

/**
 * A key-like value made at run time. It deliberately matches no provider's real format: the
 * route and the fix treat the key as an opaque string.
 */
export function testKey(seed: number): string {
  const random = seededRandom(seed);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let body = "";
  for (let i = 0; i < 40; i++) body += alphabet[Math.floor(random() * alphabet.length)];
  return `kf-test-${body}`;
}

export interface FixtureProject {
  root: string;
  keys: { openai: string; anthropic: string };
  file(relative: string): string;
  read(relative: string): string | undefined;
  remove(): void;
}

/**
 * Env files are kept in fixtures as `dot-env.local` and the like: the repository's own .gitignore
 * ignores `.env.local` (KeyFence's advice), so a fixture's real name would never be committed.
 */
export function fixtureFileName(name: string): string {
  return name.startsWith("dot-env") ? `.${name.slice("dot-".length)}` : name;
}

/** `copyFixture` for one describe block: every copy it made is removed after the block. */
export function fixtureCopies(): (name: string, extraFiles?: Record<string, string>) => FixtureProject {
  const projects: FixtureProject[] = [];
  after(() => projects.forEach((project) => project.remove()));
  return (name, extraFiles) => {
    const project = copyFixture(name, extraFiles);
    projects.push(project);
    return project;
  };
}

export function copyFixture(name: string, extraFiles: Record<string, string> = {}): FixtureProject {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `keyfence-route-${name}-`));
  const keys = { openai: testKey(11), anthropic: testKey(12) };
  const fill = (text: string) => text.split("__OPENAI_KEY__").join(keys.openai).split("__ANTHROPIC_KEY__").join(keys.anthropic);
  const copy = (from: string, to: string) => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      const target = path.join(to, fixtureFileName(entry.name));
      if (entry.isDirectory()) {
        fs.mkdirSync(target, { recursive: true });
        copy(source, target);
      } else {
        fs.writeFileSync(target, fill(fs.readFileSync(source, "utf8")));
      }
    }
  };
  copy(path.join(FIXTURES, name), root);
  for (const [relative, text] of Object.entries(extraFiles)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), fill(text));
  }
  return {
    root,
    keys,
    file: (relative) => path.join(root, relative),
    read(relative) {
      try {
        return fs.readFileSync(path.join(root, relative), "utf8");
      } catch {
        return undefined;
      }
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Applies every edit of `plan` to disk; replaces in one file go last-first so offsets stay valid. */
export function applyPlan(plan: FixPlan): void {
  const byFile = new Map<string, FixPlan["edits"]>();
  for (const edit of plan.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, edits] of byFile) applyFileEdits(file, edits);
}
