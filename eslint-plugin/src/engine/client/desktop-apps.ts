/**
 * A desktop app's window (Electron's renderer, Tauri's webview) is browser code with no visitors
 * and no server of its own: everything built into the app, the window's bundle and the main
 * process's alike (a key `define`d or env-prefixed into either), is in every installed copy. So a
 * provider call belongs in the app's own back end with a key it reads at run time (the user's
 * own, or one from a server the developer runs). no-client-ai-calls and no-public-secrets say so in
 * their `InApp` messages instead of pointing at a server route the app does not have.
 */
import { desktopAppOf, type Framework } from "./framework";

const BACK_END = {
  electron: "the main process, and give the renderer only results over IPC",
  tauri: "a Tauri command, and give the webview only results",
} as const;

/** Where a desktop app of `framework`'s kind keeps a provider call and its key, or undefined for a web app. */
export function desktopBackEnd(framework: Framework): string | undefined {
  const desktop = desktopAppOf(framework);
  return desktop && BACK_END[desktop];
}

/** The message and data of a no-client-ai-calls finding, as said in `framework`'s kind of app. */
export function inAppMessage<M extends string>(framework: Framework, messageId: M, data: Record<string, string>): { messageId: M | `${M}InApp`; data: Record<string, string> } {
  const backEnd = desktopBackEnd(framework);
  return backEnd ? { messageId: `${messageId}InApp`, data: { ...data, backEnd } } : { messageId, data };
}
