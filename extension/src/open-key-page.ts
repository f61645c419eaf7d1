/**
 * "Open the provider's key page": a committed key must be rotated, and this opens the page
 * where that is done in the user's browser (vscode.env.openExternal; KeyFence itself makes no
 * network call). Offered beside the fixes of a finding whose key git already holds.
 */
import * as vscode from "vscode";
import type { Finding } from "../../eslint-plugin/src/engine/finding";

export const OPEN_KEY_PAGE = "keyfence.openKeyPage";
export const OPEN_KEY_PAGE_TITLE = "Open the provider's key page";

/** The revoke page to offer for this finding: only a committed key's, and only an https page. */
export function keyPageOf(finding: Finding): string | undefined {
  const url = finding.data.revokeUrl;
  return finding.data.commit && url && url.startsWith("https://") ? url : undefined;
}

export async function openKeyPage(url?: string): Promise<boolean> {
  if (typeof url !== "string" || !url.startsWith("https://")) return false;
  return vscode.env.openExternal(vscode.Uri.parse(url));
}
