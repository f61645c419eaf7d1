import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const writer: Provider = {
  id: "writer",
  name: "Writer (Palmyra)",
  envVar: "WRITER_API_KEY",
  contextWords: ["writerai", "palmyra"],
  sdkConstructors: ["ChatWriter"],
  sdkPackages: ["writer-sdk", "@writerai/writer-sdk"],
  endpoints: ["api.writer.com"],
  revokeUrl: "https://app.writer.com/aistudio",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};
