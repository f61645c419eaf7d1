/**
 * `tsc --noEmit` for the fix invariant, through the repo's TypeScript API: a project with a
 * tsconfig.json is type-checked before a fix and again in each copy the fix was applied to; an
 * error the copy has that the original did not is the fix's doing. Errors are compared as
 * file + code + message (positions move when a fix edits a file), as a multiset.
 *
 * The copies have no node_modules and no generated framework types: type-check-environment.ts
 * stands in for them. lib files and anything else outside the project are parsed and bound once
 * per process and shared by every program; the project's own files are read per copy. Library
 * declarations are not checked (skipLibCheck), as most projects set.
 */
import * as path from "node:path";
import ts from "typescript";
import { environmentFor, SVELTEKIT_ROUTE_TYPES } from "./type-check-environment";

const REPO_TYPES = path.join(__dirname, "..", "..", "node_modules", "@types");
/** Not a real file: the environment's declarations, added to every program. */
const ENVIRONMENT = path.join(REPO_TYPES, "..", ".keyfence-type-check", "environment.d.ts");
/** lib and other files outside any project, parsed and bound once per process (they never change). */
const shared = new Map<string, ts.SourceFile>();

export interface ProjectTypeCheck {
  /** The project's type errors with the project at `root` (the original or a copy of it). */
  errors(root: string): string[];
}

/** undefined when `project` has no tsconfig.json (nothing to compare). */
export function projectTypeCheck(project: string): ProjectTypeCheck | undefined {
  if (!ts.sys.fileExists(path.join(project, "tsconfig.json"))) return undefined;
  return { errors: typeErrors };
}

function typeErrors(root: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), { noEmit: true, skipLibCheck: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  });
  if (!config) return ["tsconfig.json cannot be read"];
  const options: ts.CompilerOptions = { ...config.options, typeRoots: config.options.typeRoots ?? [REPO_TYPES] };
  if (!options.types) options.types = ["node"];
  const imported = config.fileNames.flatMap((file) => ts.preProcessFile(ts.sys.readFile(file) ?? "", true, true).importedFiles.map((entry) => entry.fileName));
  const environment = environmentFor(root, imported);
  const host = ts.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const inProject = (file: string) => !path.relative(root, file).startsWith("..") && !file.includes(`${path.sep}node_modules${path.sep}`);
  // svelte-kit sync writes ./$types beside every route; a +server.ts finds it as it would there.
  const sveltekitTypes = (file: string) => inProject(file) && /[\\/]\$types\.d\.ts$/.test(file) && ts.sys.fileExists(path.join(path.dirname(file), "+server.ts"));
  host.fileExists = (file) => file === ENVIRONMENT || sveltekitTypes(file) || fileExists(file);
  host.getSourceFile = (file, language, onError, fresh) => {
    if (file === ENVIRONMENT) return ts.createSourceFile(file, environment, language, true);
    if (sveltekitTypes(file) && !fileExists(file)) return ts.createSourceFile(file, SVELTEKIT_ROUTE_TYPES, language, true);
    if (inProject(file)) return read(file, language, onError, fresh);
    const key = `${file}\0${typeof language === "object" ? language.languageVersion : language}`;
    let source = shared.get(key);
    if (!source) {
      source = read(file, language, onError, fresh);
      if (source) shared.set(key, source);
    }
    return source;
  };
  const program = ts.createProgram({ rootNames: [...config.fileNames, ENVIRONMENT], options, host, configFileParsingDiagnostics: config.errors });
  const where = (file: ts.SourceFile | undefined) => (file ? path.relative(root, file.fileName).split(path.sep).join("/") : "(project)");
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => `${where(d.file)} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ").split(root).join(".")}`);
}

/** The errors of `after` not in `before` (each earlier error excuses one later error). */
export function newErrors(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const error of before) left.set(error, (left.get(error) ?? 0) + 1);
  return after.filter((error) => {
    const count = left.get(error) ?? 0;
    left.set(error, count - 1);
    return count <= 0;
  });
}
