import type { Provider } from "../types";
import { format, lit, run } from "./segments";

/**
 * `AIza` keys are Google-wide: the same shape is a Gemini key or a Firebase/Maps browser key,
 * which are public by design. Those are recognised by their surroundings (publicContextWords).
 */
export const googleAi: Provider = {
  id: "google-ai",
  name: "Google AI (Gemini)",
  // The Files API (`new GoogleAIFileManager(key).listFiles()`, `.deleteFile(name)`): no model runs.
  nonModelApis: { constructors: ["GoogleAIFileManager"] },
  envVar: "GEMINI_API_KEY",
  envVarAliases: ["GOOGLE_API_KEY", "GOOGLE_GENERATIVE_AI_API_KEY", "GOOGLE_AI_API_KEY", "GOOGLE_GEMINI_API_KEY"],
  contextWords: ["gemini", "google", "genai", "generativeai", "generativelanguage"],
  sdkConstructors: ["GoogleGenAI", "GoogleGenerativeAI", "createGoogleGenerativeAI", "ChatGoogleGenerativeAI", "createGoogle", "GoogleGenerativeAIEmbeddings", "ChatGoogle", "GoogleEmbeddings"],
  sdkPackages: ["@google/genai", "@google/generative-ai", "@ai-sdk/google", "@langchain/google-genai", "@langchain/google", "@langchain/google-webauth", "@llamaindex/google", "@genkit-ai/googleai", "@genkit-ai/google-genai", "@tanstack/ai-gemini"],
  endpoints: ["generativelanguage.googleapis.com"],
  revokeUrl: "https://aistudio.google.com/app/apikey",
  kinds: [
    {
      id: "api-key",
      name: "API key",
      selfIdentifying: true,
      formats: [format(lit("AIza"), run("base64url", 35))],
      publicContextWords: [
        "firebase",
        "initializeapp",
        "authdomain",
        "messagingsenderid",
        "measurementid",
        "maps",
        "maps.googleapis.com",
      ],
      ownContextWords: ["gemini", "genai", "generativeai", "generativelanguage"],
      // `google-maps-react`, `@vis.gl/react-google-maps`, and Google's own scope, `@googlemaps/js-api-loader`.
      publicPackageWords: ["maps", "googlemaps"],
    },
    {
      id: "auth-key",
      name: "API key (AQ. format)",
      selfIdentifying: true,
      formats: [format(lit("AQ.Ab8RN6"), run("base64url", 44))],
    },
  ],
};
