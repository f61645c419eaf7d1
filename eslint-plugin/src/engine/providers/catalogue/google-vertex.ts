import type { Provider } from "../types";
import { format, lit } from "./segments";

/**
 * A service-account JSON key is recognised by its PEM private key. The body set holds base64
 * plus line breaks, written raw or as `\n` escapes inside a JSON or JS string; it has no "-",
 * so the match always ends at the END line.
 */
const PEM_BODY = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\\\r\n \t";

export const googleVertex: Provider = {
  id: "google-vertex",
  name: "Google Cloud Vertex AI",
  envVar: "GOOGLE_PRIVATE_KEY",
  envVarAliases: ["GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_VERTEX_CREDENTIALS", "GCP_SERVICE_ACCOUNT_KEY"],
  contextWords: [
    "vertex",
    "service_account",
    "serviceaccount",
    "gserviceaccount",
    "private_key_id",
    "google_application_credentials",
    "googleauth",
    "google_private_key",
  ],
  sdkConstructors: ["VertexAI", "createVertex", "ChatVertexAI", "VertexAIEmbeddings", "createGoogleVertex"],
  sdkPackages: ["@google-cloud/vertexai", "@ai-sdk/google-vertex", "@langchain/google-vertexai", "@langchain/google-gauth", "@langchain/google-vertexai-web", "@genkit-ai/vertexai", "@tanstack/ai-vertex"],
  endpoints: ["aiplatform.googleapis.com", "*-aiplatform.googleapis.com"],
  revokeUrl: "https://console.cloud.google.com/iam-admin/serviceaccounts",
  kinds: [
    {
      id: "service-account-key",
      name: "service-account private key",
      selfIdentifying: false,
      contextWindow: 400,
      formats: [
        format(
          lit("-----BEGIN PRIVATE KEY-----"),
          { oneOf: PEM_BODY, min: 64, max: 8192, fakeChars: "base64" },
          lit("-----END PRIVATE KEY-----"),
        ),
      ],
    },
  ],
};
