import type { Provider } from "../types";

/**
 * LangChain's ChatIflytekXinghuo signs requests with IFLYTEK_API_KEY + IFLYTEK_API_SECRET.
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const iflytek: Provider = {
  id: "iflytek",
  name: "iFlytek Spark (Xinghuo)",
  envVar: "IFLYTEK_API_SECRET",
  envVarAliases: ["IFLYTEK_API_KEY", "SPARK_API_KEY", "SPARK_API_SECRET"],
  contextWords: ["iflytek", "xinghuo", "xfyun", "xf-yun"],
  sdkConstructors: ["ChatIflytekXinghuo"],
  endpoints: ["spark-api.xf-yun.com", "spark-api-open.xf-yun.com"],
  revokeUrl: "https://console.xfyun.cn/services/cbm",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};
