import type { SourceFile } from "../ast";
import type { TextRange } from "../finding";
import type { Provider } from "../providers/types";

/**
 * A read-only look at the user's project. Paths are absolute. The extension passes the workspace
 * file system, tests pass a temp folder or an in-memory map.
 */
export interface ProjectView {
  /** True for an existing file OR directory. */
  exists(path: string): boolean;
  /** The file's text, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
  /** Optional: modification time, lets caches notice edits (the fs view implements it). */
  mtime?(path: string): number | undefined;
}

export interface MoveCallInput {
  /** The browser file, parsed with parseSource() (its `file` is the absolute path). */
  source: SourceFile;
  /**
   * Where the finding points: the SDK client construction, its `dangerouslyAllowBrowser`
   * property, a call on the client, the key (literal or variable), or the `fetch(...)` call.
   */
  range: TextRange;
  /** The provider, when the finding already knows it; otherwise it is inferred from the code. */
  provider?: Provider;
  project: ProjectView;
  /** Folder holding the app's package.json. Default: the nearest one above the browser file. */
  projectRoot?: string;
}
