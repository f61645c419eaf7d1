/**
 * "Open the provider's key page": a committed key must be rotated, and this opens the page
 * where that is done in the user's browser (vscode.env.openExternal; KeyFence itself makes no
 * network call). The language server offers it beside the fixes of a finding whose key git
 * already holds; the extension runs it.
 */
import * as vscode from "vscode";

export async function openKeyPage(url?: string): Promise<boolean> {
  if (typeof url !== "string" || !url.startsWith("https://")) return false;
  return vscode.env.openExternal(vscode.Uri.parse(url));
}
