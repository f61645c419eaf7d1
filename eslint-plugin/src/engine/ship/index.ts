/**
 * Every way out for a key besides git, by the file reported on (host-free; the ESLint env-file
 * processor and the extension call these):
 *   envFileShipFindings(file, text)   an env file: Docker image (env-dockerignore), npm tarball
 *                                     (env-npm-publish), same key in another environment (no-shared-env-keys)
 *   dockerfileFindings(file, text)    a Dockerfile: no .dockerignore (env-dockerignore), keys in ENV/ARG (no-docker-keys)
 *   dockerignoreFindings(file, text)  a .dockerignore without env entries (env-dockerignore)
 *   composeFindings(file, text)       a compose file: keys in `environment:` (no-docker-keys)
 *   dockerContextFindings(file, text) a Dockerfile or .dockerignore, keys aside (env-dockerignore): what
 *                                     the editor adds to textFileKeyFindings, which reports the keys
 * Each analysis is guarded: an odd file or folder gives no findings, never an exception.
 */
import { basename, resolve } from "node:path";
import {
  composeKeyFindings, dockerfileContextFindings, dockerfileKeyFindings, dockerignoreFileFindings, envFileDockerFindings,
  isComposeFileName, isDockerfileName,
} from "../docker/index";
import { sharedKeyFindings } from "../env-values/index";
import type { Finding } from "../finding";
import { envFileNpmFindings } from "../npm-package/index";
import { isEnvFileAtRisk } from "./env-file-risk";

export function envFileShipFindings(file: string, text: string): Finding[] {
  // Whether the file is worth a Docker or npm report asks git: once for both.
  let atRisk: boolean | undefined;
  try {
    atRisk = isEnvFileAtRisk(resolve(file), text);
  } catch {
    atRisk = undefined;
  }
  return [
    ...guarded(() => envFileDockerFindings(file, text, atRisk)),
    ...guarded(() => envFileNpmFindings(file, text, atRisk)),
    ...guarded(() => sharedKeyFindings(file, text)),
  ];
}

export function dockerfileFindings(file: string, text: string): Finding[] {
  return [...guarded(() => dockerfileKeyFindings(file, text)), ...guarded(() => dockerfileContextFindings(file, text))];
}

export function dockerignoreFindings(file: string, text: string): Finding[] {
  return guarded(() => dockerignoreFileFindings(file, text));
}

export function dockerContextFindings(file: string, text: string): Finding[] {
  switch (shipFileKind(file)) {
    case "dockerfile":
      return guarded(() => dockerfileContextFindings(file, text));
    case "dockerignore":
      return dockerignoreFindings(file, text);
    default:
      return [];
  }
}

export function composeFindings(file: string, text: string): Finding[] {
  return guarded(() => composeKeyFindings(file, text));
}

/** Which of the functions above a file goes to, by its name. */
export function shipFileKind(file: string): "dockerfile" | "dockerignore" | "compose" | undefined {
  const name = basename(file);
  if (name === ".dockerignore" || /\.dockerignore$/i.test(name)) return "dockerignore";
  if (isDockerfileName(name)) return "dockerfile";
  return isComposeFileName(name) ? "compose" : undefined;
}

function guarded(run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch {
    return [];
  }
}
