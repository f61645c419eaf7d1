/**
 * What a key's git history means for the user, as the last sentence of a finding's message
 * (`{{history}}` in the templates) and in the move-to-env-file fix. A committed key is leaked
 * for good: moving it out of the code does not take it out of the history, only rotating does.
 */
import type { KeyHistory } from "./lookup";

/** The finding data a history adds: `history` (the sentence) and, when committed, `commit` and `date`. */
export interface HistoryOptions {
  /** The key must be revoked whatever git holds (browser code): say so even when git has no copy. */
  mustRevoke?: boolean;
  /** An env file, whose message already says what to do: add only what git's history changes. */
  envFile?: boolean;
}

export function historyData(history: KeyHistory, revokeUrl: string, options: HistoryOptions = {}): Record<string, string> {
  const sentence = options.envFile ? envFileSentence(history, revokeUrl) : historySentence(history, revokeUrl, options.mustRevoke ?? false);
  const data: Record<string, string> = { history: sentence };
  if (history.found === "commit") {
    data.commit = history.commit;
    data.date = history.date;
  }
  data.historyState = history.found;
  return data;
}

function historySentence(history: KeyHistory, revokeUrl: string, mustRevoke: boolean): string {
  const revoke = mustRevoke ? `Revoke it at ${revokeUrl}` : `If it was ever committed or shipped, revoke it at ${revokeUrl}`;
  switch (history.found) {
    case "commit":
      return ` Already committed in ${history.commit} on ${history.date}: moving it is not enough, rotate it now at ${revokeUrl}.`;
    case "index":
      return ` It is staged in git's index (not committed yet): unstage it before you commit. ${mustRevoke ? `Revoke it at ${revokeUrl}.` : `If it was ever shipped, revoke it at ${revokeUrl}.`}`;
    case "nowhere":
      return mustRevoke ? ` ${revoke}.` : ` Git's history holds no copy of it; if it was ever shipped, revoke it at ${revokeUrl}.`;
    case "unknown":
      return ` ${revoke} (history not checked: ${history.why}).`;
    case "partial":
      return ` ${revoke} (history not fully checked: ${history.why}).`;
  }
}

function envFileSentence(history: KeyHistory, revokeUrl: string): string {
  switch (history.found) {
    case "commit":
      return historySentence(history, revokeUrl, true);
    case "index":
      return " It is staged in git's index (not committed yet): unstage it before you commit.";
    case "nowhere":
      return "";
    case "unknown":
      return ` History not checked: ${history.why}.`;
    case "partial":
      return ` History not fully checked: ${history.why}.`;
  }
}

