/**
 * What the KeyFence language server and its editor integrations say to each other beyond LSP:
 * the custom requests, their shapes, and the commands the editor runs itself. Host-free and
 * dependency-free, so the VS Code extension imports it without pulling in the engine.
 */

/** Runs in the editor: untrack a committed env file (`git rm --cached`, asks first). Argument: the file's URI. */
export const STOP_TRACKING = "keyfence.stopTrackingEnvFile";
/** Runs in the editor: open a provider's key page in the browser. Argument: an https URL. */
export const OPEN_KEY_PAGE = "keyfence.openKeyPage";
export const OPEN_KEY_PAGE_TITLE = "Open the provider's key page";
/** Runs in the server (`workspace/executeCommand`): show a rule's documentation. Argument: the rule id. */
export const SHOW_DOCUMENTATION = "keyfence.showDocumentation";

/** `keyfence/scanWorkspace`: every file of the workspace folders; `$/progress` reports to `workDoneToken`; cancellable. */
export const SCAN_WORKSPACE = "keyfence/scanWorkspace";

export interface ScanParams {
  /** The client's work-done token: `$/progress` reports go to it. */
  workDoneToken?: string | number;
  /** Gitignore-style patterns per workspace folder path (VS Code's `files.exclude`). */
  excludes?: Record<string, string[]>;
}

export interface ScanSummary {
  files: number;
  findings: number;
  filesWithFindings: number;
  skipped: { gitignored: number; excluded: number; nodeModules: number; binary: number; tooLarge: number };
  cancelled: boolean;
  ms: number;
  /** The server's CPU time during the scan (user + system, ms): with `ms`, whether it worked or waited. */
  cpuMs?: number;
}

export function describeScan(s: ScanSummary): string {
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

/**
 * `keyfence/afterUntrack` ({ uri }): the editor ran `git rm --cached` on an env file; the answer
 * is the `.gitignore` edit that keeps it out of git (an LSP WorkspaceEdit) and the revoke pages
 * of the providers whose keys it holds. No key is sent.
 */
export const AFTER_UNTRACK = "keyfence/afterUntrack";

export interface AfterUntrack {
  edit?: unknown;
  providers: { name: string; url: string }[];
}

/**
 * `keyfence/lastAnalysis` (`{ uri? }`): what the server's last analysis of an open document took, of
 * that document's when `uri` is given (the editor tests and the editor benchmark print it).
 */
export const LAST_ANALYSIS = "keyfence/lastAnalysis";

export interface LastAnalysis {
  /** The file's name (never its text). */
  file: string;
  version: number;
  ms: number;
  cpuMs: number;
  /** Where the time went in a code file: text facts, parse, each rule (ms). */
  phases: Record<string, number>;
  findings: number;
  /** Whether the server keeps the file's tree now, so the next keystroke re-parses only what it touched. */
  treeBuilt?: boolean;
  /** Why the file was parsed in full, not re-parsed incrementally (absent: it was not). */
  fullParse?: string;
  /**
   * Where the time between the edit and the diagnostics went, as `Date.now()` times (one clock
   * on one machine, so the editor can subtract its own): the edit (or open) of this version
   * reached the server, the server took it up (near the debounce's end, after anything queued before
   * it), and sent the diagnostics. `configMs`: the wait for the project's ESLint config.
   */
  receivedAt?: number;
  startedAt?: number;
  configMs?: number;
  /** How long the finished analysis waited for the debounce to end before it was sent (it starts a little early, server.ts). */
  heldMs?: number;
  publishedAt?: number;
  /** The server's longest event-loop delay since its previous analysis (of any document): how long a message could wait to be read (ms). */
  loopDelayMs?: number;
  /**
   * True when these findings left out what needs a client graph not built yet: they were
   * published at once, and a full analysis follows (building the graph) and publishes again.
   */
  provisional?: boolean;
  /** On the full analysis that followed a provisional one: when that one was taken up, its analysis time and when it was sent. */
  provisionalBefore?: { startedAt: number; ms: number; heldMs?: number; publishedAt: number; phases: Record<string, number> };
}
