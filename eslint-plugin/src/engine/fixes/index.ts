/**
 * Multi-file fix planners, host-free. Each returns a FixPlan (or undefined when there is nothing
 * to do, so planning again after applying a fix yields nothing) built from the project as
 * `ProjectFiles` sees it. The extension turns a plan into one WorkspaceEdit.
 *
 *   moveKeyToEnvFile(input: MoveKeyInput): FixPlan | undefined
 *   renamePublicSecret(input: RenamePublicSecretInput): FixPlan | undefined
 *   coverWithGitignore(files, file, stopDir?, codeWillRead?): FileEdit[];  isGitignored(files, file, stopDir?): boolean
 *   projectOf(files, file, stopDir?): ProjectInfo  (framework, env file it loads, public prefix)
 */
export { moveKeyToEnvFile, chooseName, type MoveKeyInput } from "./move-key-to-env-file";
export { renamePublicSecret, type RenamePublicSecretInput } from "./rename-public-secret";
export { coverWithGitignore, gitignoreFor, gitignorePatternFor, isGitignored } from "./gitignore-coverage";
export { projectOf, findUp, ENV_FILE_NAMES, type ProjectInfo, type Framework } from "./project";
export { readEnvFile, appendLines, formatEntry, type EnvFileShape } from "./env-file-text";
export { diskFiles, type ProjectFiles } from "./project-files";
