/**
 * Whether git already holds a key, and what that means for the user. Entry points:
 *
 *   keyHistory(file, key, redacted) → KeyHistory       (./lookup.ts: git, bounded, cached)
 *   historyData(history, revokeUrl) → finding data      (./advice.ts: the message's last sentence)
 */
export { keyHistory, clearKeyHistoryCache, pickaxePattern, HISTORY_BUDGET_MS, type KeyHistory } from "./lookup";
export { historyData, type HistoryOptions } from "./advice";
