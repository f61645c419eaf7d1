/**
 * Counters for tests and benchmarks: files read, files scanned for imports, ASTs built; client
 * graph builds (first and re-builds) and how many of those a change on disk (a file or a folder
 * the graph used) caused; imports oxc-resolver was asked to resolve (each attempt counts).
 */
export const fileStats = { reads: 0, scans: 0, asts: 0, graphBuilds: 0, graphRebuildsAfterChange: 0, resolutions: 0 };
