/**
 * How a fix planner reads the project. The extension answers from open editors first (unsaved
 * text is what the user sees), then from disk; tests answer from a plain object.
 */
import { readFileSync, statSync } from "node:fs";

export interface ProjectFiles {
  /** Text of the file, or undefined when it does not exist (or is not a readable text file). */
  read(file: string): string | undefined;
}

/** Reads straight from disk. Files over `maxBytes` read as missing: planners never need them. */
export function diskFiles(maxBytes = 2 * 1024 * 1024): ProjectFiles {
  return {
    read(file) {
      try {
        if (statSync(file).size > maxBytes) return undefined;
        return readFileSync(file, "utf8");
      } catch {
        return undefined;
      }
    },
  };
}
