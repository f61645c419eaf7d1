import type { Provider } from "../types";

/**
 * @ai-sdk/alibaba reads ALIBABA_API_KEY; DashScope's own SDKs and LangChain's ChatAlibabaTongyi read
 * DASHSCOPE_API_KEY / ALIBABA_API_KEY.
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const alibaba: Provider = {
  id: "alibaba",
  name: "Alibaba Cloud Model Studio (Qwen / DashScope)",
  envVar: "DASHSCOPE_API_KEY",
  envVarAliases: ["ALIBABA_API_KEY", "QWEN_API_KEY"],
  contextWords: ["dashscope", "alibaba", "qwen", "tongyi", "aliyun"],
  sdkConstructors: ["createAlibaba", "ChatAlibabaTongyi", "AlibabaTongyiEmbeddings"],
  sdkPackages: ["@ai-sdk/alibaba"],
  endpoints: ["dashscope.aliyuncs.com", "dashscope-intl.aliyuncs.com", "dashscope-us.aliyuncs.com"],
  revokeUrl: "https://modelstudio.console.alibabacloud.com/",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};
