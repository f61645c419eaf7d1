/**
 * The files through which the suite (bench.ts, in the extension host) asks the launcher (run.ts,
 * which holds the browser page) to type with the renderer's keyboard, as a user types. Both live
 * beside the workspace folder.
 */
export const TYPE_REQUEST = "type-request.json";
export const TYPE_DONE = "type-done.json";
