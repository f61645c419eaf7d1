import type { Provider } from "../types";
import { format, lit, run } from "./segments";

/**
 * Azure's newer 84-character keys carry Microsoft's "JQQJ9" signature at offset 52 (CASK),
 * followed by a signature letter (9, D or H), and the issuing service's four-letter signature at
 * offset 76: "ACOG" for Azure AI services (Cognitive Services, Azure OpenAI). Other services' keys
 * share the layout (Communication Services' "AZCS" in an email connection string,
 * federico722/back-end-clinic-pets): not AI keys. Older resource keys are bare 32 hex: context only.
 */
export const azureOpenai: Provider = {
  id: "azure-openai",
  name: "Azure OpenAI",
  envVar: "AZURE_OPENAI_API_KEY",
  envVarAliases: ["AZURE_API_KEY", "AZURE_OPENAI_KEY", "AZURE_AI_API_KEY", "AZURE_INFERENCE_CREDENTIAL"],
  contextWords: ["azure", "aoai", "cognitiveservices"],
  // Azure's other services' keys (Darko-Martinovic/react-mcp-client's AZURE_SEARCH_APIKEY, batch 102).
  otherServiceWords: ["search", "storage", "blob", "cosmos", "cosmosdb", "sql", "servicebus", "eventhub", "maps", "communication", "keyvault", "devops"],
  sdkConstructors: ["AzureOpenAI", "createAzure", "AzureKeyCredential", "AzureChatOpenAI", "OpenAIClient", "AzureOpenAIEmbeddings"],
  // azure-openai: a fork of openai v3 with an `azure` option (bpor92/ai-playground, batch 76).
  sdkPackages: ["@azure/openai", "@ai-sdk/azure", "@azure-rest/ai-inference", "@azure/core-auth", "azure-openai"],
  endpoints: ["*.openai.azure.com", "*.cognitiveservices.azure.com", "*.services.ai.azure.com"],
  revokeUrl: "https://portal.azure.com/#view/Microsoft_Azure_ProjectOxford/CognitiveServicesHub",
  kinds: [
    {
      id: "api-key",
      name: "API key",
      selfIdentifying: true,
      formats: [
        format(
          run("alnum", 52),
          lit("JQQJ9"),
          { oneOf: "9DH", length: 1 },
          run("alnum", 1),
          { oneOf: "ABCDEFGHIJKL", length: 1 },
          run("alnum", 16),
          lit("ACOG"),
          run("alnum", 4),
        ),
      ],
    },
    {
      id: "legacy-key",
      name: "resource key (32 hex)",
      selfIdentifying: false,
      formats: [format(run("hexLower", 32))],
    },
  ],
};
