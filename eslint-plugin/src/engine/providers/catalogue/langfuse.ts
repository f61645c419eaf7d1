import type { Provider } from "../types";
import { format, lit, uuidSegments } from "./segments";

/** The public key (pk-lf-) is meant for browsers; only the secret key (sk-lf-) is a leak. */
export const langfuse: Provider = {
  id: "langfuse",
  name: "Langfuse",
  envVar: "LANGFUSE_SECRET_KEY",
  contextWords: ["langfuse"],
  sdkConstructors: ["Langfuse", "LangfuseClient", "CallbackHandler", "LangfuseExporter"],
  sdkPackages: ["langfuse", "@langfuse/client", "@langfuse/otel", "langfuse-vercel", "langfuse-langchain"],
  endpoints: ["cloud.langfuse.com", "us.cloud.langfuse.com"],
  revokeUrl: "https://cloud.langfuse.com/project/-/settings/api-keys",
  tracing: true,
  kinds: [
    { id: "secret-key", name: "secret key", selfIdentifying: true, formats: [format(lit("sk-lf-"), ...uuidSegments)] },
    {
      id: "public-key",
      name: "public key",
      selfIdentifying: true,
      publicByDesign: true,
      envVar: "LANGFUSE_PUBLIC_KEY",
      formats: [format(lit("pk-lf-"), ...uuidSegments)],
    },
  ],
};
