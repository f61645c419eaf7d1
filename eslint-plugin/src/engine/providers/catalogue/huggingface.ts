import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const huggingface: Provider = {
  id: "huggingface",
  name: "Hugging Face",
  envVar: "HF_TOKEN",
  envVarAliases: ["HUGGINGFACE_API_KEY", "HUGGING_FACE_HUB_TOKEN", "HF_API_TOKEN", "HUGGINGFACEHUB_API_TOKEN", "HF_API_KEY", "HUGGINGFACEHUB_API_KEY"],
  contextWords: ["huggingface", "hugging_face", "hf"],
  sdkConstructors: ["HfInference", "InferenceClient", "createHuggingFace", "HuggingFaceInference", "HuggingFaceInferenceEmbeddings"],
  sdkPackages: ["@huggingface/inference", "@huggingface/hub", "@ai-sdk/huggingface"],
  endpoints: ["huggingface.co", "api-inference.huggingface.co", "router.huggingface.co"],
  revokeUrl: "https://huggingface.co/settings/tokens",
  // The Hub client creates repos and uploads files (huggingface/chat-ui's admin export); inference is elsewhere.
  nonModelApis: { packages: ["@huggingface/hub"], hosts: ["huggingface.co"] },
  kinds: [
    { id: "user-token", name: "access token", selfIdentifying: true, formats: [format(lit("hf_"), run("alnum", 34))] },
    {
      id: "org-token",
      name: "organization API token",
      selfIdentifying: true,
      formats: [format(lit("api_org_"), run("alnum", 34))],
    },
  ],
};
