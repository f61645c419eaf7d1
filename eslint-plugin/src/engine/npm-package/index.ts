/**
 * npm packages, host-free: env files that `npm publish` would put in the tarball.
 *
 * Entry points:
 *   envFileNpmFindings(file, text)               an env file a publishable package ships (env-npm-publish)
 *   publishVerdict(packageDir, pkg, path)        npm-packlist's verdict for one path
 */
export { publishVerdict, readPackageJson, filesOf, type PackageJson, type PublishVerdict } from "./packlist";
export { envFileNpmFindings } from "./findings";
export { envNpmPublishMessages, ENV_NPM_PUBLISH_RULE } from "./messages";
