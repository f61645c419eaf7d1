/**
 * Docker, host-free: env files a `docker build` would copy into an image, and keys written into
 * Dockerfiles and compose files.
 *
 * Entry points (by the file they report on; the extension and the ESLint processor call them):
 *   envFileDockerFindings(file, text)        an env file a build copies (env-dockerignore)
 *   dockerignoreFileFindings(file, text)     a .dockerignore missing env entries (env-dockerignore)
 *   dockerfileContextFindings(file, text)    a Dockerfile with no .dockerignore (env-dockerignore)
 *   dockerfileKeyFindings(file, text)        keys in ENV/ARG values (no-docker-keys)
 *   composeKeyFindings(file, text)           keys in compose `environment:` (no-docker-keys)
 */
export { envFileDockerFindings, dockerignoreFileFindings, dockerfileContextFindings } from "./findings";
export { dockerfileKeyFindings, composeKeyFindings } from "./keys";
export { isDockerfileName, buildsAround, buildsContaining, type DockerBuild } from "./builds";
export { isComposeFileName, parseComposeFile } from "./compose";
export { parseDockerfile } from "./dockerfile";
export { contextVerdict, copyOf } from "./context-rules";
export { envDockerignoreMessages, noDockerKeysMessages, ENV_DOCKERIGNORE_RULE, NO_DOCKER_KEYS_RULE } from "./messages";
