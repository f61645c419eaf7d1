/**
 * `npm run demo`: copies the bundled example app (examples/next-chat) to a temp folder, puts
 * freshly generated fake keys where the example says `__DEMO_KEY_<provider>__`, makes it a git
 * repository, and lints it with `keyfence.configs.recommended` exactly as a user's
 * `eslint.config.js` would. No key is stored in this repository: they exist only in the temp copy.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ESLint } from "eslint";
import keyfence from "../eslint-plugin/src/index";
import { providerById } from "../eslint-plugin/src/engine/providers";
import { fakeKeyForFormat } from "../test/support/fake-keys";

const example = resolve(__dirname, "../examples/next-chat");
const app = join(mkdtempSync(join(tmpdir(), "keyfence-demo-")), "next-chat");

function demoKey(providerId: string, seed: number): string {
  const provider = providerById(providerId);
  const kind = provider?.kinds.find((k) => k.selfIdentifying && !k.publicByDesign);
  if (!provider || !kind) throw new Error(`the catalogue has no self-identifying key for ${providerId}`);
  return fakeKeyForFormat(kind.formats[0], seed);
}

function fillKeys(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) fillKeys(path);
    else {
      const text = readFileSync(path, "utf8");
      let seed = 1;
      const filled = text.replace(/__DEMO_KEY_([a-z-]+)__/g, (_, id: string) => demoKey(id, seed++));
      if (filled !== text) writeFileSync(path, filled);
    }
  }
}

async function main(): Promise<void> {
  cpSync(example, app, { recursive: true });
  renameSync(join(app, "env.example.txt"), join(app, ".env.example"));
  fillKeys(app);
  // The classic leak: a .env that the .gitignore never covered, committed with the rest.
  writeFileSync(join(app, ".env"), `OPENAI_API_KEY=${demoKey("openai", 7)}\n`);
  // A real project: git decides what is ignored and what is already committed.
  const git = (...args: string[]) => execFileSync("git", args, { cwd: app, stdio: "ignore" });
  git("init", "-q");
  git("add", ".");
  git("-c", "user.name=demo", "-c", "user.email=demo@example.invalid", "commit", "-qm", "example app");

  const eslint = new ESLint({
    cwd: app,
    overrideConfigFile: true,
    overrideConfig: [keyfence.configs.recommended],
  });
  const results = await eslint.lintFiles(["."]);
  const formatter = await eslint.loadFormatter("stylish");
  const count = results.reduce((sum, r) => sum + r.messages.length, 0);
  console.log(`KeyFence demo: linted ${results.length} files of a Next.js app (copied to ${app})`);
  console.log(await formatter.format(results) || "no findings\n");
  console.log(`${count} findings. Keys are shown as prefix + last four characters; the full keys exist only in the temp copy.`);
  if (!process.env.KEYFENCE_DEMO_KEEP) rmSync(join(app, ".."), { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
