/** Which file names Docker reads: dependency-free, for callers that only need to know the kind. */

/**
 * `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile` (not `.dockerignore` files),
 * and the lower-case `dockerfile` that `docker build` also falls back to (a real app kept one).
 */
export function isDockerfileName(name: string): boolean {
  if (/\.dockerignore$/i.test(name)) return false;
  return /^(?:[Dd]ockerfile(?:\.[\w.-]+)?|[\w.-]+\.[Dd]ockerfile|Containerfile)$/.test(name);
}

/** Names Docker Compose looks for, plus the `docker-compose.<env>.yml` overrides people keep. */
export function isComposeFileName(name: string): boolean {
  return /^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/i.test(name);
}
