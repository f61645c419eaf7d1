/** env-dockerignore and no-docker-keys on real folders (git repositories in temp dirs). */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import {
  composeKeyFindings, dockerfileContextFindings, dockerfileKeyFindings, dockerignoreFileFindings, envFileDockerFindings,
} from "../../eslint-plugin/src/engine/docker";
import type { FileEdit, Finding } from "../../eslint-plugin/src/engine/finding";
import { messageOf } from "../../eslint-plugin/src/engine/rules";
import { clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, readFile, removeRepos, writeFile } from "../env/support";

const NEXT_DOCKERFILE = "FROM node:20 AS deps\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n\nFROM node:20\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY . .\nCMD [\"npm\", \"start\"]\n";

function apply(dir: string, edits: FileEdit[]): void {
  for (const edit of edits) {
    if (edit.kind === "create") writeFile(dir, edit.file.slice(dir.length + 1), edit.text);
    else if (edit.kind === "replace") {
      const path = edit.file.slice(dir.length + 1);
      const text = readFile(dir, path);
      writeFile(dir, path, text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end));
    }
  }
  clearGitignoreCache();
}

function envFindings(dir: string, path: string): Finding[] {
  return envFileDockerFindings(join(dir, path), readFile(dir, path));
}

describe("env-dockerignore", () => {
  after(removeRepos);

  it("reports .env.local that `COPY . .` bakes into the image, and the fix appends to .dockerignore", () => {
    const key = fakeKey("openai");
    const dir = makeRepo({ Dockerfile: NEXT_DOCKERFILE, ".dockerignore": "node_modules\n", ".env.local": `OPENAI_API_KEY=${key}\n`, "package.json": "{}" });
    const [finding, ...rest] = envFindings(dir, ".env.local");
    assert.equal(rest.length, 0);
    assert.equal(finding.messageId, "envInImage");
    const message = messageOf(finding);
    assert.match(message, /`COPY \. \.` \(line 8\)/);
    assert.ok(!message.includes(key) && !message.includes(key.slice(-8)), "the message never shows the key");
    assert.deepEqual(finding.fixes?.[0].edits.map((e) => e.file), [join(dir, ".dockerignore")]);
    apply(dir, finding.fixes![0].edits);
    assert.equal(readFile(dir, ".dockerignore"), "node_modules\n\n# env files (KeyFence)\n**/.env.local\n");
    assert.deepEqual(envFindings(dir, ".env.local"), []);
  });

  // Folder listings and compose files are read once per run (cached by the folder's and the
  // file's mtime): a compose build added later must still be seen, with no cache cleared.
  it("sees a compose build and a .dockerignore added after a first look, without a cache reset", () => {
    const key = fakeKey("openai");
    const dir = makeRepo({ "api/.env.local": `OPENAI_API_KEY=${key}\n`, "api/package.json": "{}" });
    assert.deepEqual(envFindings(dir, "api/.env.local"), []);
    writeFile(dir, "docker/api.Dockerfile", NEXT_DOCKERFILE);
    writeFile(dir, "compose.yaml", "services:\n  api:\n    build:\n      context: ./api\n      dockerfile: ../docker/api.Dockerfile\n");
    assert.deepEqual(envFindings(dir, "api/.env.local").map((finding) => finding.data?.via), [" (built by compose.yaml)"]);
    writeFile(dir, "api/.dockerignore", "**/.env.local\n");
    assert.deepEqual(envFindings(dir, "api/.env.local"), []);
  });

  it("says nothing when .dockerignore excludes it, or when no COPY takes it", () => {
    const dir = makeRepo({ Dockerfile: NEXT_DOCKERFILE, ".dockerignore": ".env*\n", ".env": "A_TOKEN=abc\n", "app/Dockerfile": "FROM node\nCOPY src/ ./src\n", "app/.env": "X=1\n" });
    assert.deepEqual(envFindings(dir, ".env"), []);
    // app/.env: in the root build's context but `.env*` (root only in Docker) does not cover it.
    assert.equal(envFindings(dir, "app/.env").length, 1);
    writeFile(dir, ".dockerignore", "**/.env*\n");
    clearGitignoreCache();
    assert.deepEqual(envFindings(dir, "app/.env"), []);
  });

  it("follows compose build.context and its dockerfile, and a Dockerfile.dockerignore", () => {
    const dir = makeRepo({
      "docker-compose.yml": "services:\n  web:\n    build:\n      context: ./web\n      dockerfile: ../docker/web.Dockerfile\n",
      "docker/web.Dockerfile": "FROM node\nCOPY . /app\n",
      "web/.env.development.local": "X=1\n",
    });
    const [finding] = envFindings(dir, "web/.env.development.local");
    assert.match(messageOf(finding), /docker\/web\.Dockerfile.*built by docker-compose\.yml/);
    assert.equal((finding.fixes![0].edits[0] as { file: string }).file, join(dir, "web", ".dockerignore"));
    writeFile(dir, "docker/web.Dockerfile.dockerignore", "**/.env.*.local\n");
    clearGitignoreCache();
    assert.deepEqual(envFindings(dir, "web/.env.development.local"), []);
  });

  it("an explicitly copied env file gets no .dockerignore fix (it would break the build), only when it holds secrets", () => {
    const dir = makeRepo({ Dockerfile: "FROM node\nCOPY .env.production ./.env\n", ".env.production": "NEXT_PUBLIC_SITE=x\n" });
    assert.deepEqual(envFindings(dir, ".env.production"), []);
    writeFile(dir, ".env.production", `ANTHROPIC_API_KEY=${fakeKey("anthropic")}\n`);
    const [finding] = envFindings(dir, ".env.production");
    assert.equal(finding.messageId, "envCopiedByName");
    assert.equal(finding.fixes, undefined);
  });

  it("a `!` line that re-includes the file is named, not appended after", () => {
    const dir = makeRepo({ Dockerfile: "FROM node\nCOPY . .\n", ".dockerignore": "**/.env*\n!.env.local\n", ".env.local": "X=1\n" });
    const [finding] = envFindings(dir, ".env.local");
    assert.equal(finding.messageId, "envReincluded");
    assert.equal(finding.data.pattern, "!.env.local");
  });

  it("a multi-stage build that copies only lock files in a stage and the whole context later", () => {
    const dir = makeRepo({ Dockerfile: "FROM node AS a\nCOPY package.json .\nFROM nginx\nCOPY --from=a /app /app\n", ".env": "X=1\n" });
    assert.deepEqual(envFindings(dir, ".env"), []);
  });

  it("on .dockerignore: missing entries for a whole-context copy, autofixed in the file itself", () => {
    const dir = makeRepo({ Dockerfile: NEXT_DOCKERFILE, ".dockerignore": "node_modules\n.env\n" });
    const file = join(dir, ".dockerignore");
    const [finding] = dockerignoreFileFindings(file, readFile(dir, ".dockerignore"));
    assert.equal(finding.messageId, "missingEntries");
    // `.env` covers the root .env; the others are missing.
    assert.deepEqual(finding.data.entries, "`**/.env.local` and `**/.env.*.local`");
    apply(dir, finding.fixes![0].edits);
    assert.deepEqual(dockerignoreFileFindings(file, readFile(dir, ".dockerignore")), []);
    // Unsaved text is what is checked.
    assert.deepEqual(dockerignoreFileFindings(file, "**/.env*\n"), []);
  });

  it("on a Dockerfile without .dockerignore: reported on the COPY line, the fix creates it", () => {
    const dir = makeRepo({ Dockerfile: NEXT_DOCKERFILE });
    const text = readFile(dir, "Dockerfile");
    const [finding] = dockerfileContextFindings(join(dir, "Dockerfile"), text);
    assert.equal(text.slice(finding.range.start, finding.range.end), "COPY . .");
    assert.equal(finding.fixes![0].edits[0].kind, "create");
    apply(dir, finding.fixes![0].edits);
    assert.deepEqual(dockerfileContextFindings(join(dir, "Dockerfile"), text), []);
    assert.deepEqual(dockerignoreFileFindings(join(dir, ".dockerignore"), readFile(dir, ".dockerignore")), []);
    // Copying only some folders needs no .dockerignore.
    assert.deepEqual(dockerfileContextFindings(join(dir, "x.Dockerfile"), "FROM node\nCOPY src ./src\nCOPY package.json .\n"), []);
  });

  it("stays linear and quiet on a 1 MB Dockerfile of continuation lines", () => {
    const text = "FROM node\nCOPY \\\n" + "a \\\n".repeat(250_000) + "./\n";
    const started = performance.now();
    dockerfileContextFindings("/nonexistent/Dockerfile", text);
    dockerfileKeyFindings("/nonexistent/Dockerfile", "ENV " + "A=b ".repeat(250_000));
    // The build-argument check's `$NAME` / `${NAME…}` references: an unclosed one and a million short ones.
    const args = "FROM node\nARG OPENAI_API_KEY\n";
    dockerfileKeyFindings("/nonexistent/Dockerfile", `${args}ENV OPENAI_API_KEY=\${${"a".repeat(1 << 20)}\n`);
    dockerfileKeyFindings("/nonexistent/Dockerfile", `${args}ENV OPENAI_API_KEY=${"$a".repeat(1 << 19)}\n`);
    assert.ok(performance.now() - started < 8000);
  });
});

describe("no-docker-keys", () => {
  it("reports a key in ENV and ARG defaults; the ARG fix drops the default", () => {
    const key = fakeKey("groq");
    const text = `FROM node\nENV GROQ_API_KEY=${key} PORT=3000\nARG GROQ_API_KEY="${key}"\nENV OTHER=$GROQ_API_KEY\n`;
    const findings = dockerfileKeyFindings("/x/Dockerfile", text).filter((f) => f.messageId === "keyInDockerfile");
    assert.deepEqual(findings.map((f) => f.data.instruction), ["ENV", "ARG"]);
    for (const f of findings) assert.equal(text.slice(f.range.start, f.range.end), key);
    assert.ok(!messageOf(findings[0]).includes(key));
    const edit = findings[1].fixes![0].edits[0] as { range: { start: number; end: number }; text: string };
    assert.match(text.slice(0, edit.range.start) + text.slice(edit.range.end), /\nARG GROQ_API_KEY\n/);
  });

  it("reports a provider key's build argument copied into an ENV of the image's stage (GeovaneW96/pucrs-devops)", () => {
    const found = (text: string) => dockerfileKeyFindings("/x/Dockerfile", text).map((f) => `${f.messageId} ${f.data.name ?? ""}=${text.slice(f.range.start, f.range.end)} ${f.data.provider}`);
    const image = `FROM node:20\nWORKDIR /app\nARG OPENAI_API_KEY\nARG PORT=3000\nENV OPENAI_API_KEY=\${OPENAI_API_KEY} PORT=$PORT\nENV KEY "$OPENAI_API_KEY"\nCMD ["node", "server.js"]\n`;
    assert.deepEqual(found(image), ["buildArgInImage OPENAI_API_KEY=${OPENAI_API_KEY} OpenAI", "buildArgInImage KEY=$OPENAI_API_KEY OpenAI"]);
    const message = messageOf(dockerfileKeyFindings("/x/Dockerfile", image)[0]);
    assert.match(message, /`ENV OPENAI_API_KEY` stores the OpenAI key passed to the build as `--build-arg OPENAI_API_KEY`/);
    // A build stage's ENV stays behind; an ENV the ARG does not feed, or with no ARG in its stage, reads nothing from the build.
    assert.deepEqual(found(`FROM node:20 AS build\nARG GROQ_API_KEY\nENV GROQ_API_KEY=$GROQ_API_KEY\nRUN npm run build\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n`), []);
    assert.deepEqual(found(`ARG GROQ_API_KEY\nFROM node:20\nENV GROQ_API_KEY=$GROQ_API_KEY\nENV NODE_ENV=production\n`), []);
    assert.deepEqual(found(`FROM node:20\nARG NODE_ENV\nENV NODE_ENV=$NODE_ENV\nENV OPENAI_API_KEY=""\n`), []);
  });

  it("reports a key in compose environment (map and list form) with a ${NAME} fix", () => {
    const key = fakeKey("anthropic");
    const text = `services:\n  api:\n    environment:\n      ANTHROPIC_API_KEY: "${key}"\n      PORT: 3000\n  worker:\n    environment:\n      - ANTHROPIC_API_KEY=${key}\n      - OPENAI_API_KEY=\${OPENAI_API_KEY}\n`;
    const findings = composeKeyFindings("/x/compose.yaml", text);
    assert.deepEqual(findings.map((f) => f.data.service), ["api", "worker"]);
    for (const f of findings) assert.equal(text.slice(f.range.start, f.range.end), key);
    const edit = findings[0].fixes![0].edits[0] as { range: { start: number; end: number }; text: string };
    assert.equal(text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end), text.replace(`"${key}"`, '"${ANTHROPIC_API_KEY}"'));
    assert.deepEqual(composeKeyFindings("/x/compose.yaml", "services: [unclosed"), []);
  });

  it("reports a key written as a variable's default, `${NAME:-key}`, in compose and Dockerfiles (randeepc123/small-business-finder, batch 264)", () => {
    const key = fakeKey("google-ai", undefined, 61);
    const compose = `services:\n  backend:\n    environment:\n      - GEMINI_API_KEY=\${GEMINI_API_KEY:-${key}}\n      - PORT=\${PORT:-5001}\n      - MODEL=\${MODEL}\n`;
    const findings = composeKeyFindings("/x/docker-compose.yml", compose);
    assert.deepEqual(findings.map((f) => [f.data.name, compose.slice(f.range.start, f.range.end) === key]), [["GEMINI_API_KEY", true]]);
    const edit = findings[0].fixes![0].edits[0] as { range: { start: number; end: number }; text: string };
    assert.equal(compose.slice(0, edit.range.start) + edit.text + compose.slice(edit.range.end), compose.replace(`\${GEMINI_API_KEY:-${key}}`, "${GEMINI_API_KEY}"));
    // Only the reference loses its default: the rest of the value stays as written.
    const bearer = `services:\n  api:\n    environment:\n      AUTH_HEADER: "Bearer \${GEMINI_API_KEY:-${key}}"\n`;
    const [inBearer] = composeKeyFindings("/x/compose.yaml", bearer);
    const bearerEdit = inBearer.fixes![0].edits[0] as { range: { start: number; end: number }; text: string };
    assert.equal(bearer.slice(0, bearerEdit.range.start) + bearerEdit.text + bearer.slice(bearerEdit.range.end), bearer.replace(`\${GEMINI_API_KEY:-${key}}`, "${GEMINI_API_KEY}"));
    assert.equal(inBearer.fixes![0].title, "Read GEMINI_API_KEY from the environment");
    const dockerfile = `FROM node:20\nARG GEMINI_API_KEY\nENV GEMINI_API_KEY=\${GEMINI_API_KEY:-${key}}\n`;
    const inDockerfile = dockerfileKeyFindings("/x/Dockerfile", dockerfile).filter((f) => f.messageId === "keyInDockerfile");
    assert.deepEqual(inDockerfile.map((f) => dockerfile.slice(f.range.start, f.range.end) === key), [true]);
    // A megabyte of unclosed `${A-` stays linear.
    const started = process.hrtime.bigint();
    assert.deepEqual(composeKeyFindings("/x/compose.yaml", `services:\n  a:\n    environment:\n      - X=${"${A-".repeat(250_000)}\n`), []);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2000, "linear on 1 MB");
  });
});
