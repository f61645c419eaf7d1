/**
 * The project as the extension's fix planners and cross-file checks see it: the editors' open
 * documents first, then disk (see open-first-project-files.ts, shared with the language server).
 */
import * as vscode from "vscode";
import { OpenFirstProjectFiles } from "./open-first-project-files";

export class EditorProjectFiles extends OpenFirstProjectFiles {
  constructor() {
    super((file) => vscode.workspace.textDocuments.find((d) => d.uri.scheme === "file" && d.uri.fsPath === file)?.getText());
  }
}
