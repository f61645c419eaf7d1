import type { Provider } from "../types";

/**
 * LangChain's ChatTencentHunyuan signs requests with TENCENT_SECRET_ID + TENCENT_SECRET_KEY.
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const tencentHunyuan: Provider = {
  id: "tencent-hunyuan",
  name: "Tencent Hunyuan",
  envVar: "TENCENT_SECRET_KEY",
  envVarAliases: ["TENCENT_SECRET_ID", "HUNYUAN_API_KEY", "TENCENTCLOUD_SECRET_KEY"],
  contextWords: ["hunyuan", "tencent", "tencentcloud"],
  sdkConstructors: ["ChatTencentHunyuan", "TencentHunyuanEmbeddings"],
  sdkPackages: ["tencentcloud-sdk-nodejs-hunyuan"],
  endpoints: ["hunyuan.tencentcloudapi.com", "api.hunyuan.cloud.tencent.com"],
  revokeUrl: "https://console.cloud.tencent.com/cam/capi",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};
