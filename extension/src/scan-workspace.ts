/**
 * `KeyFence: Scan Workspace`: the server scans (keyfence/scanWorkspace); the editor shows its
 * `$/progress` reports in a cancellable notification, and cancelling cancels the request.
 * VS Code's `files.exclude` goes along, so the scan skips what the Explorer hides.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { WorkDoneProgress, type WorkDoneProgressReport } from "vscode-languageclient/node";
import { describeScan, SCAN_WORKSPACE, type ScanParams, type ScanSummary } from "../server/src/protocol";

export type { ScanSummary };

let nextToken = 0;

export async function scanWorkspace(client: LanguageClient, options: { quiet?: boolean } = {}): Promise<ScanSummary | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage("KeyFence: open a folder to scan it.");
    return undefined;
  }
  await client.start();
  const workDoneToken = `keyfence-scan-${++nextToken}`;
  const params: ScanParams = { workDoneToken, excludes: Object.fromEntries(folders.map((f) => [f.uri.fsPath, filesExclude(f)])) };
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "KeyFence: scanning workspace", cancellable: true },
    async (progress, token) => {
      let percentage = 0;
      const reports = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== "report") return;
        const report = value as WorkDoneProgressReport;
        const increment = report.percentage === undefined ? undefined : report.percentage - percentage;
        percentage = report.percentage ?? percentage;
        progress.report({ message: report.message, increment });
      });
      try {
        return await client.sendRequest<ScanSummary>(SCAN_WORKSPACE, params, token);
      } catch (error) {
        if (token.isCancellationRequested) return undefined;
        throw error;
      } finally {
        reports.dispose();
      }
    },
  );
  if (!options.quiet) void vscode.window.showInformationMessage(summary ? describeScan(summary) : "KeyFence: scan stopped.");
  return summary;
}

/** `files.exclude` globs that are switched on, as gitignore-style patterns. */
function filesExclude(folder: vscode.WorkspaceFolder): string[] {
  const config = vscode.workspace.getConfiguration("files", folder.uri).get<Record<string, unknown>>("exclude", {});
  return Object.entries(config)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
