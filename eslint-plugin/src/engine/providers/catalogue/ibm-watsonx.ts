import type { Provider } from "../types";

/**
 * @langchain/ibm passes `watsonxAIApikey` to @ibm-cloud/watsonx-ai, whose docs read WATSONX_AI_APIKEY.
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const ibmWatsonx: Provider = {
  id: "ibm-watsonx",
  name: "IBM watsonx.ai",
  envVar: "WATSONX_AI_APIKEY",
  envVarAliases: ["WATSONX_API_KEY", "IBM_CLOUD_API_KEY", "WATSONX_AI_BEARER_TOKEN"],
  contextWords: ["watsonx", "ibm"],
  sdkConstructors: ["ChatWatsonx", "WatsonxEmbeddings", "WatsonxLLM", "WatsonXAI"],
  sdkPackages: ["@langchain/ibm", "@ibm-cloud/watsonx-ai"],
  endpoints: ["*.ml.cloud.ibm.com", "iam.cloud.ibm.com"],
  revokeUrl: "https://cloud.ibm.com/iam/apikeys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};
