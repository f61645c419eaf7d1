/**
 * `keyfence/afterUntrack`: the editor ran `git rm --cached` on an env file (its stop-tracking
 * command, which asks first); the server says what follows, from the engine: the `.gitignore`
 * edit that keeps the file out of git, and the revoke pages of the providers whose keys it holds
 * (they stay in git history). No key is sent, only provider names and pages.
 */
import type { WorkspaceEdit } from "vscode-languageserver";
import { coverWithGitignore } from "../../../eslint-plugin/src/engine/fixes/index";
import { scanText } from "../../../eslint-plugin/src/engine/keys/index";
import { revokeUrlFor } from "../../../eslint-plugin/src/engine/providers/index";
import { toWorkspaceEdit, type EditContext } from "./code-actions";
import type { AfterUntrack } from "./protocol";

export function afterUntrack(file: string, ctx: EditContext, stopDir: string | undefined): AfterUntrack & { edit?: WorkspaceEdit } {
  const name = file.split(/[\\/]/).pop() ?? file;
  const edits = coverWithGitignore(ctx.files, file, stopDir);
  const edit = edits.length ? toWorkspaceEdit({ title: `Add ${name} to .gitignore`, edits }, ctx) : undefined;
  const providers = new Map(scanText(ctx.files.read(file) ?? "").map((m) => [m.provider.id, { name: m.provider.name, url: revokeUrlFor(m.provider, m.kind) }]));
  return { edit, providers: [...providers.values()] };
}
