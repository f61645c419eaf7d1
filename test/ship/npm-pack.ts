/** What the real `npm pack --dry-run --json` would put in the tarball (scripts never run). */
import { execFileSync } from "node:child_process";

export function npmPackFiles(dir: string): string[] {
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, npm_config_workspaces: "false", npm_config_update_notifier: "false" },
  });
  const parsed = JSON.parse(output) as Array<{ files: Array<{ path: string }> }>;
  return parsed[0].files.map((file) => file.path).sort();
}
