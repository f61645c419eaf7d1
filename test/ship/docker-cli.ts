/**
 * The build context the real `docker build` CLI sends, without a Docker daemon: the CLI (legacy
 * builder) applies .dockerignore itself and streams the context as a tar to the daemon, so a
 * stand-in daemon on a unix socket that answers `_ping` and keeps the uploaded tar shows exactly
 * which files Docker would put in the context. Undefined when no `docker` binary is installed.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function dockerCliAvailable(): boolean {
  return spawnSync("docker", ["--version"], { stdio: "ignore" }).status === 0;
}

export class StandInDaemon {
  private server?: Server;
  private readonly dir = mkdtempSync(join(tmpdir(), "keyfence-docker-"));
  readonly socket = join(this.dir, "docker.sock");
  private lastTar: Buffer = Buffer.alloc(0);

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.url?.endsWith("/_ping")) {
        res.writeHead(200, { "API-Version": "1.47", "Content-Type": "text/plain" });
        res.end("OK");
        return;
      }
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        this.lastTar = Buffer.concat(chunks);
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ stream: "done\n" }) + "\n");
      });
    });
    await new Promise<void>((done) => this.server!.listen(this.socket, done));
  }

  /** Files (not folders) in the context `docker build <dir>` sends, sorted. */
  async contextFiles(dir: string, dockerfile?: string): Promise<string[]> {
    const args = ["build", ...(dockerfile ? ["-f", dockerfile] : []), dir];
    await new Promise<void>((done, fail) => {
      const child = spawn("docker", args, {
        env: { ...process.env, DOCKER_BUILDKIT: "0", DOCKER_HOST: `unix://${this.socket}` },
        stdio: "ignore",
      });
      child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`docker build exited ${code}`))));
    });
    const listing = execFileSync("tar", ["-t"], { input: this.lastTar, encoding: "utf8" });
    return listing.split("\n").filter((line) => line !== "" && !line.endsWith("/")).sort();
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
