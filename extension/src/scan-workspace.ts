/**
 * `KeyFence: Scan Workspace`: every file KeyFence understands, with a cancellable progress
 * notification. Skips what git ignores, `files.exclude`, `keyfence.ignoredPaths`, node_modules,
 * binaries and files over the size cap, and says how many of each it skipped.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import * as vscode from "vscode";
import { engine } from "./engine";
import type { KeyFenceDiagnostics } from "./diagnostics";
import { fileKind } from "./file-kinds";
import { decodeTextBytes, isUtf16 } from "../../eslint-plugin/src/engine/env-files/decode";

export interface ScanSummary {
  files: number;
  findings: number;
  filesWithFindings: number;
  skipped: { gitignored: number; excluded: number; nodeModules: number; binary: number; tooLarge: number };
  cancelled: boolean;
  ms: number;
}

const ALWAYS_SKIPPED_DIRS = new Set(["node_modules", ".git", ".hg", ".svn"]);
const BINARY = /\.(?:png|jpe?g|gif|webp|ico|bmp|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|class|exe|dll|so|dylib|wasm|woff2?|ttf|otf|eot|mp[34]|mov|avi|webm|sqlite|db|bin|node)$/i;

/** One folder's ignore rules: a .gitignore applies to paths relative to its own folder. */
interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

export async function scanWorkspace(diagnostics: KeyFenceDiagnostics, options: { quiet?: boolean } = {}): Promise<ScanSummary | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage("KeyFence: open a folder to scan it.");
    return undefined;
  }
  diagnostics.reloadSettings();
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "KeyFence: scanning workspace", cancellable: true },
    (progress, token) => runScan(diagnostics, folders, progress, token),
  );
  if (!options.quiet) void vscode.window.showInformationMessage(describe(summary));
  return summary;
}

export function describe(s: ScanSummary): string {
  const skipped = [
    s.skipped.gitignored && `${s.skipped.gitignored} ignored by .gitignore`,
    s.skipped.excluded && `${s.skipped.excluded} excluded by settings`,
    s.skipped.nodeModules && `${s.skipped.nodeModules} node_modules folders`,
    s.skipped.binary && `${s.skipped.binary} binary files`,
    s.skipped.tooLarge && `${s.skipped.tooLarge} files over the size cap`,
  ].filter(Boolean);
  return (
    `KeyFence ${s.cancelled ? "stopped after scanning" : "scanned"} ${s.files} files: ` +
    `${s.findings} finding${s.findings === 1 ? "" : "s"} in ${s.filesWithFindings} file${s.filesWithFindings === 1 ? "" : "s"}.` +
    (skipped.length ? ` Skipped ${skipped.join(", ")}.` : "")
  );
}

async function runScan(
  diagnostics: KeyFenceDiagnostics,
  folders: readonly vscode.WorkspaceFolder[],
  progress: vscode.Progress<{ message?: string }>,
  token: vscode.CancellationToken,
): Promise<ScanSummary> {
  const started = performance.now();
  const settings = diagnostics.currentSettings;
  const maxBytes = settings.maxFileSizeKB * 1024;
  const summary: ScanSummary = {
    files: 0, findings: 0, filesWithFindings: 0, cancelled: false, ms: 0,
    skipped: { gitignored: 0, excluded: 0, nodeModules: 0, binary: 0, tooLarge: 0 },
  };
  const openDocs = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.fsPath, d]));

  for (const folder of folders) {
    const root = folder.uri.fsPath;
    const excluded = ignore().add(settings.ignoredPaths).add(filesExclude(folder));
    const queue: Array<{ dir: string; layers: IgnoreLayer[] }> = [{ dir: root, layers: [] }];
    const candidates: string[] = [];
    // Walk first (cheap), then read and analyse in small batches.
    while (queue.length && !token.isCancellationRequested) {
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

    for (let i = 0; i < candidates.length && !token.isCancellationRequested; i += 32) {
      const batch = candidates.slice(i, i + 32);
      await Promise.all(batch.map((file) => scanFile(file, diagnostics, openDocs, maxBytes, summary)));
      progress.report({ message: `${Math.min(i + 32, candidates.length)} / ${candidates.length} files` });
    }
  }
  summary.cancelled = token.isCancellationRequested;
  summary.ms = performance.now() - started;
  return summary;
}

async function scanFile(
  file: string,
  diagnostics: KeyFenceDiagnostics,
  openDocs: Map<string, vscode.TextDocument>,
  maxBytes: number,
  summary: ScanSummary,
): Promise<void> {
  const uri = vscode.Uri.file(file);
  let text: string;
  const open = openDocs.get(file);
  if (open) {
    text = open.getText();
  } else {
    try {
      const { size } = await stat(file);
      if (size > maxBytes) {
        summary.skipped.tooLarge++;
        return;
      }
      const bytes = await readFile(file);
      // A UTF-16 file with its byte order mark (a .env PowerShell 5 wrote) is text, as VS Code reads it.
      const decoded = isUtf16(bytes) ? decodeTextBytes(bytes) : looksBinary(bytes) ? undefined : bytes.toString("utf8");
      if (decoded === undefined) {
        summary.skipped.binary++;
        return;
      }
      text = decoded;
    } catch {
      return;
    }
  }
  summary.files++;
  const findings = engine().analyzeFile(file, fileKind(file)!, text, diagnostics.context(uri));
  if (findings.length) {
    summary.findings += findings.length;
    summary.filesWithFindings++;
  }
  if (findings.length || diagnostics.findingsOf(file).length) diagnostics.set(uri, findings, text);
}

/** A NUL byte in the first 8 KB: git's own test for binary content. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** `files.exclude` globs that are switched on, as gitignore-style patterns. */
function filesExclude(folder: vscode.WorkspaceFolder): string[] {
  const config = vscode.workspace.getConfiguration("files", folder.uri).get<Record<string, unknown>>("exclude", {});
  return Object.entries(config)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
