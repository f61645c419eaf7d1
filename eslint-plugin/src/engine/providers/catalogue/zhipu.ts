import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const zhipu: Provider = {
  id: "zhipu",
  name: "Zhipu AI / Z.ai (GLM)",
  envVar: "ZHIPU_API_KEY",
  envVarAliases: ["ZAI_API_KEY", "ZHIPUAI_API_KEY", "GLM_API_KEY"],
  contextWords: ["zhipu", "zhipuai", "zai", "z_ai", "bigmodel", "glm", "chatglm"],
  sdkConstructors: ["createZhipu", "ChatZhipuAI", "ZhipuAIEmbeddings"],
  sdkPackages: ["zhipu-ai-provider", "zhipuai-sdk-nodejs-v4"],
  endpoints: ["open.bigmodel.cn", "api.z.ai"],
  revokeUrl: "https://open.bigmodel.cn/usercenter/apikeys",
  kinds: [
    {
      id: "api-key",
      name: "API key",
      selfIdentifying: false,
      formats: [format(run("hexLower", 32), lit("."), run("alnum", 16))],
    },
  ],
};
