/** Counters for tests and benchmarks: files read, files scanned for imports, ASTs built. */
export const fileStats = { reads: 0, scans: 0, asts: 0 };
