/** Small builders so each catalogue record reads like the format it describes. */
import type { Alphabet, KeyFormat, Segment } from "../types";

export const lit = (literal: string): Segment => ({ literal });
export const run = (chars: Alphabet, length: number): Segment => ({ chars, length });
export const runBetween = (chars: Alphabet, min: number, max: number): Segment => ({ chars, min, max });
export const format = (...segments: Segment[]): KeyFormat => ({ segments });

/** 8-4-4-4-12 lower-case hex, the shape of a UUID. */
export const uuidSegments: Segment[] = [
  run("hexLower", 8),
  lit("-"),
  run("hexLower", 4),
  lit("-"),
  run("hexLower", 4),
  lit("-"),
  run("hexLower", 4),
  lit("-"),
  run("hexLower", 12),
];
