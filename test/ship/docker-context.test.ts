/**
 * Docker's .dockerignore rules as KeyFence applies them (`@balena/dockerignore`), compared with
 * the context the real `docker build` CLI sends for the same folder.
 */
import { strict as assert } from "node:assert";
import { contextVerdict } from "../../eslint-plugin/src/engine/docker";
import { makeRepo, removeRepos, writeFile } from "../env/support";
import { StandInDaemon, dockerCliAvailable } from "./docker-cli";

const FILES = [
  ".env", ".env.local", ".env.production", ".env.production.local", ".env.example",
  "app/.env", "app/.env.local", "app/deep/.env.test.local", "src/index.js", "config/.env",
];

const IGNORE_FILES = [
  "",
  ".env\n",
  "**/.env\n**/.env.local\n**/.env.*.local\n",
  ".env*\n!.env.example\n",
  "**/.env*\n!**/.env.example\n!app/.env\n",
  "*\n!src\n!app\n",
  "app\n!app/.env.local\n",
  "# comment\n./.env\n/.env.local\n*.local\n",
  "**\n!src/**\n",
  "config/\n.env.*\n!.env.production\n",
];

describe("dockerignore: KeyFence agrees with the docker CLI's build context", function () {
  this.timeout(120_000);
  const daemon = new StandInDaemon();
  before(async function () {
    if (!dockerCliAvailable()) this.skip();
    await daemon.start();
  });
  after(async () => {
    await daemon.stop();
    removeRepos();
  });

  for (const [index, ignoreText] of IGNORE_FILES.entries()) {
    it(`case ${index}: ${JSON.stringify(ignoreText)}`, async () => {
      const files: Record<string, string> = { Dockerfile: "FROM scratch\nCOPY . .\n" };
      for (const path of FILES) files[path] = "X=1\n";
      const dir = makeRepo(files, { git: false });
      if (ignoreText) writeFile(dir, ".dockerignore", ignoreText);
      const sent = new Set(await daemon.contextFiles(dir));
      // A case where docker sends nothing of ours would prove nothing.
      assert.ok(sent.has("Dockerfile"));
      for (const path of FILES) {
        const keyfence = !contextVerdict(`${dir}/.dockerignore`, path, ignoreText).excluded;
        assert.equal(keyfence, sent.has(path), `${path}: KeyFence says ${keyfence ? "in" : "out of"} the context, docker disagrees`);
      }
    });
  }
});
