/**
 * Findings → Diagnostics. Open documents are analysed as you type (debounced); the workspace
 * scan fills in files that are not open. Closing a document drops its live diagnostics unless a
 * workspace scan reported the file.
 */
import { relative, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import * as vscode from "vscode";
import type { Finding } from "../../eslint-plugin/src/engine/finding";
import type { AnalyzeContext } from "./analyze";
import { engine, engineLoaded } from "./engine";
import { lineIndex } from "./text-positions";
import { fileKind } from "./file-kinds";
import type { EditorProjectFiles } from "./project-files";
import { readSettings, type RuleSeverity, type Settings } from "./settings";

export const SOURCE = "KeyFence";

const SEVERITY: Record<Exclude<RuleSeverity, "off">, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class KeyFenceDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection("keyfence");
  /** Findings behind the diagnostics, by file, for the code-action provider. */
  private readonly findings = new Map<string, Finding[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Milliseconds the last analysis took (the debounce excluded): shown by the tests. */
  lastAnalysisMs = 0;
  /** Where that time went, by phase (text facts, parse, each rule). */
  lastAnalysisPhases: Record<string, number> = {};
  /** When (Date.now) the last edit reached the extension, and when its analysis finished. */
  lastChangeAt = 0;
  lastAnalysisAt = 0;
  private settings: Settings = readSettings();
  private ignored: Ignore = ignore();

  constructor(readonly files: EditorProjectFiles) {
    this.reloadSettings();
  }

  reloadSettings(): void {
    this.settings = readSettings();
    this.ignored = ignore().add(this.settings.ignoredPaths);
  }

  get currentSettings(): Settings {
    return this.settings;
  }

  context(uri: vscode.Uri): AnalyzeContext {
    return { settings: this.settings, files: this.files, stopDir: vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath };
  }

  /** True when settings say this file is never analysed. */
  isIgnored(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || this.settings.ignoredPaths.length === 0) return false;
    const rel = relative(folder.uri.fsPath, uri.fsPath).split(sep).join("/");
    return rel !== "" && !rel.startsWith("..") && this.ignored.ignores(rel);
  }

  /** Analyse after the debounce (typing), or now (open, save, settings change). */
  schedule(document: vscode.TextDocument, now = false): void {
    if (!now) this.lastChangeAt = Date.now();
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (now || this.settings.debounceMs === 0) return void this.analyzeDocument(document);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.analyzeDocument(document);
      }, this.settings.debounceMs),
    );
  }

  analyzeDocument(document: vscode.TextDocument): void {
    if (document.uri.scheme !== "file" || document.isClosed) return;
    const kind = fileKind(document.uri.fsPath);
    if (!kind) return;
    if (this.switchedOff(document)) {
      this.set(document.uri, [], "");
      return;
    }
    const started = performance.now();
    const text = document.getText();
    const findings = engine().analyzeFile(document.uri.fsPath, kind, text, this.context(document.uri));
    this.lastAnalysisMs = performance.now() - started;
    this.lastAnalysisPhases = { ...engine().lastPhases };
    this.lastAnalysisAt = Date.now();
    this.set(document.uri, findings, text);
  }

  /** A document shown in an editor: big code files get their tree built ahead of the first keystroke. */
  prepare(document: vscode.TextDocument): void {
    if (document.uri.scheme !== "file" || document.isClosed || fileKind(document.uri.fsPath) !== "code") return;
    if (!this.switchedOff(document)) engine().prepareForTyping(document.uri.fsPath, document.getText());
  }

  /** Settings say this document is not analysed: KeyFence off, an ignored path, or too big. */
  private switchedOff(document: vscode.TextDocument): boolean {
    return !this.settings.enable || this.isIgnored(document.uri) || document.getText().length > this.settings.maxFileSizeKB * 1024;
  }

  /** Replace the diagnostics of one file. `text` is what the findings' offsets refer to. */
  set(uri: vscode.Uri, findings: Finding[], text: string): void {
    if (findings.length === 0) {
      this.findings.delete(uri.fsPath);
      this.collection.delete(uri);
    } else {
      this.findings.set(uri.fsPath, findings);
      this.collection.set(uri, this.toDiagnostics(findings, text));
    }
    this.changed.fire();
  }

  findingsOf(file: string): Finding[] {
    return this.findings.get(file) ?? [];
  }

  forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    if (engineLoaded()) engine().forgetFile(uri.fsPath);
    this.files.forget(uri.fsPath);
  }

  count(): number {
    let n = 0;
    this.collection.forEach((_uri, diagnostics) => (n += diagnostics.length));
    return n;
  }

  private toDiagnostics(findings: Finding[], text: string): vscode.Diagnostic[] {
    const lines = lineIndex(text);
    const at = (offset: number) => {
      const line = lines.lineOf(offset);
      return new vscode.Position(line, offset - lines.starts[line]);
    };
    const { defaultSeverity, docsUrl, messageOf } = engine();
    return findings.map((finding) => {
      const level = this.settings.rules[finding.ruleId] ?? defaultSeverity(finding.ruleId);
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(at(finding.range.start), at(finding.range.end)),
        messageOf(finding),
        SEVERITY[level === "off" ? "warning" : level] ?? vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = SOURCE;
      diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(docsUrl(finding.ruleId)) };
      return diagnostic;
    });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    this.changed.dispose();
  }
}
