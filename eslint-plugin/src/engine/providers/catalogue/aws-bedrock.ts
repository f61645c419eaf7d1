import type { Provider } from "../types";
import { format, lit, run, runBetween } from "./segments";

/**
 * Bedrock API keys announce themselves: long-term keys are "ABSK" + base64("BedrockAPIKey-…"),
 * short-term ones "bedrock-api-key-" + base64("bedrock.amazonaws.com…"). An IAM access key id
 * (AKIA/ASIA) is self-identifying; its 40-character secret half needs a secret-access-key name.
 */
const PADDING = { oneOf: "=", min: 0, max: 2 } as const;

export const awsBedrock: Provider = {
  id: "aws-bedrock",
  name: "AWS (Amazon Bedrock)",
  envVar: "AWS_BEARER_TOKEN_BEDROCK",
  envVarAliases: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "BEDROCK_API_KEY", "BEDROCK_AWS_ACCESS_KEY_ID", "BEDROCK_AWS_SECRET_ACCESS_KEY"],
  contextWords: ["aws", "bedrock", "amazon"],
  sdkConstructors: ["BedrockRuntimeClient", "BedrockClient", "createAmazonBedrock", "ChatBedrockConverse", "BedrockEmbeddings", "BedrockChat"],
  sdkPackages: ["@aws-sdk/client-bedrock-runtime", "@aws-sdk/client-bedrock", "@ai-sdk/amazon-bedrock", "@langchain/aws", "@tanstack/ai-bedrock"],
  endpoints: ["bedrock-runtime.*.amazonaws.com", "bedrock.*.amazonaws.com"],
  revokeUrl: "https://console.aws.amazon.com/bedrock/home#/api-keys",
  kinds: [
    {
      id: "bedrock-api-key",
      name: "long-term Bedrock API key",
      selfIdentifying: true,
      formats: [format(lit("ABSKQmVkcm9ja0FQSUtleS"), runBetween("base64", 91, 251), PADDING)],
    },
    {
      id: "bedrock-short-term-key",
      name: "short-term Bedrock API key",
      selfIdentifying: true,
      formats: [format(lit("bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t"), runBetween("base64", 100, 4000), PADDING)],
    },
    {
      id: "access-key-id",
      name: "IAM access key ID",
      selfIdentifying: true,
      envVar: "AWS_ACCESS_KEY_ID",
      revokeUrl: "https://console.aws.amazon.com/iam/home#/security_credentials",
      // A presigned URL's `X-Amz-Credential=` names the key id by design: the URL is meant to be
      // shared, and its signature, not the id, is what grants access (1willcobb/chasing-summer).
      publicContextWords: ["x-amz-credential"],
      formats: [format(lit("AKIA"), run("alnumUpper", 16)), format(lit("ASIA"), run("alnumUpper", 16))],
    },
    {
      id: "secret-access-key",
      name: "IAM secret access key",
      selfIdentifying: false,
      envVar: "AWS_SECRET_ACCESS_KEY",
      revokeUrl: "https://console.aws.amazon.com/iam/home#/security_credentials",
      contextWords: ["secretaccesskey", "awssecret", "aws_secret", "secret_access_key"],
      formats: [format(run("base64", 40))],
    },
  ],
};
