/**
 * `keyfence/scanWorkspace`: every file KeyFence understands in the workspace folders, off the
 * editor's thread. Skips what git ignores, the client's excludes (VS Code's `files.exclude`),
 * `keyfence.ignoredPaths`, node_modules, binaries and files over the size cap, and counts each.
 * Files are read and analysed in small batches; between batches the event loop runs, so a
 * `$/cancelRequest` (or a newer edit) is seen within one batch.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { decodeTextBytes, isUtf16 } from "../../../eslint-plugin/src/engine/env-files/decode";
import { fileKind } from "../../src/file-kinds";
import type { ScanSummary } from "./protocol";

export interface ScanHost {
  folders: string[];
  /** A workspace folder's `keyfence.ignoredPaths` and size cap (its own in a multi-root workspace). */
  ignoredPaths(root: string): string[];
  maxBytes(root: string): number;
  excludes: Record<string, string[]>;
  /** The text of an open document of that path, if one is open (its unsaved text wins). */
  openText(file: string): string | undefined;
  /** Analyses one file and publishes its diagnostics; returns how many findings it had. */
  analyze(file: string, text: string): Promise<number>;
  cancelled(): boolean;
  progress(done: number, total: number): void;
}

const ALWAYS_SKIPPED_DIRS = new Set(["node_modules", ".git", ".hg", ".svn"]);
const BINARY = /\.(?:png|jpe?g|gif|webp|ico|bmp|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|class|exe|dll|so|dylib|wasm|woff2?|ttf|otf|eot|mp[34]|mov|avi|webm|sqlite|db|bin|node)$/i;
const BATCH = 32;
/**
 * At most this often, and after the first and last batch: each report is a message through the
 * extension host to the window, which redraws its progress bar (every batch was 200+ redraws in a
 * scan of vercel/ai, on the cores the scan itself needs).
 */
const PROGRESS_EVERY_MS = 200;

/** One folder's ignore rules: a .gitignore applies to paths relative to its own folder. */
interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

export async function scanWorkspace(host: ScanHost): Promise<ScanSummary> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const summary: ScanSummary = {
    files: 0, findings: 0, filesWithFindings: 0, cancelled: false, ms: 0,
    skipped: { gitignored: 0, excluded: 0, nodeModules: 0, binary: 0, tooLarge: 0 },
  };
  for (const root of host.folders) {
    const candidates = await walk(root, host, summary);
    let reportedAt = -Infinity;
    for (let i = 0; i < candidates.length && !host.cancelled(); i += BATCH) {
      const batch = candidates.slice(i, i + BATCH);
      for (const file of batch) {
        const text = textOf(file, host.maxBytes(root), host, summary);
        if (text === undefined) continue;
        summary.files++;
        const found = await host.analyze(file, text);
        summary.findings += found;
        if (found) summary.filesWithFindings++;
      }
      const done = Math.min(i + BATCH, candidates.length);
      if (done === candidates.length || performance.now() - reportedAt >= PROGRESS_EVERY_MS) {
        host.progress(done, candidates.length);
        reportedAt = performance.now();
      }
      // Let the connection read what is waiting: a cancellation, an edit to analyse first.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  summary.cancelled = host.cancelled();
  summary.ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  summary.cpuMs = (cpu.user + cpu.system) / 1000;
  return summary;
}

/** Walks one folder (cheap), returning the files to read. */
async function walk(root: string, host: ScanHost, summary: ScanSummary): Promise<string[]> {
  const excluded = ignore().add(host.ignoredPaths(root)).add(host.excludes[root] ?? []);
  const queue: Array<{ dir: string; layers: IgnoreLayer[] }> = [{ dir: root, layers: [] }];
  const candidates: string[] = [];
  while (queue.length && !host.cancelled()) {
    const { dir, layers: parentLayers } = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    let layers = parentLayers;
    if (entries.some((e) => e.name === ".gitignore" && e.isFile())) {
      const text = await readFile(join(dir, ".gitignore"), "utf8").catch(() => "");
      layers = [...parentLayers, { dir, rules: ignore().add(text) }];
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const isDir = entry.isDirectory();
      if (isDir && ALWAYS_SKIPPED_DIRS.has(entry.name)) {
        if (entry.name === "node_modules") summary.skipped.nodeModules++;
        continue;
      }
      if (!isDir && !entry.isFile()) continue;
      const rel = relative(root, path).split(sep).join("/") + (isDir ? "/" : "");
      if (excluded.ignores(rel)) {
        summary.skipped.excluded++;
        continue;
      }
      if (layers.some((l) => l.rules.ignores(relative(l.dir, path).split(sep).join("/") + (isDir ? "/" : "")))) {
        summary.skipped.gitignored++;
        continue;
      }
      if (isDir) queue.push({ dir: path, layers });
      else if (BINARY.test(entry.name)) summary.skipped.binary++;
      else if (fileKind(path)) candidates.push(path);
    }
  }
  return candidates;
}

/**
 * Read synchronously: the analysis that follows blocks far longer than a read, and fs/promises
 * costs several thread-pool round trips and promises per file (0.4–0.6 s of CPU in a scan of
 * vercel/ai's 6,935 files, scripts/scan-bench.mjs).
 */
function textOf(file: string, maxBytes: number, host: ScanHost, summary: ScanSummary): string | undefined {
  const open = host.openText(file);
  if (open !== undefined) return open;
  let fd: number | undefined;
  try {
    // One open, then the size from the descriptor: a stat by path and readFileSync's own open and
    // fstat cost twice the system calls (0.2–0.3 s over vercel/ai's files on this VM's overlay).
    fd = openSync(file, "r");
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      summary.skipped.tooLarge++;
      return undefined;
    }
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const got = readSync(fd, bytes, read, size - read, read);
      if (got === 0) break;
      read += got;
    }
    // A UTF-16 file with its byte order mark (a .env PowerShell 5 wrote) is text, as VS Code reads it.
    const text = bytes.subarray(0, read);
    const decoded = isUtf16(text) ? decodeTextBytes(text) : looksBinary(text) ? undefined : text.toString("utf8");
    if (decoded === undefined) summary.skipped.binary++;
    return decoded;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A NUL byte in the first 8 KB: git's own test for binary content. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}
