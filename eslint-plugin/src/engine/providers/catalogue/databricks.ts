import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const databricks: Provider = {
  id: "databricks",
  name: "Databricks (Mosaic AI)",
  envVar: "DATABRICKS_TOKEN",
  envVarAliases: ["DATABRICKS_API_KEY", "DATABRICKS_ACCESS_TOKEN"],
  contextWords: ["databricks"],
  sdkConstructors: ["DBSQLClient", "ChatDatabricks"],
  sdkPackages: ["@databricks/sql", "@databricks/sdk-experimental"],
  endpoints: ["*.cloud.databricks.com", "*.azuredatabricks.net", "*.gcp.databricks.com"],
  revokeUrl: "https://docs.databricks.com/aws/en/dev-tools/auth/pat",
  kinds: [
    {
      id: "personal-access-token",
      name: "personal access token",
      selfIdentifying: true,
      // Some tokens carry a "-<digit>" suffix; the longer format wins when both match.
      formats: [
        format(lit("dapi"), run("hexLower", 32), lit("-"), { oneOf: "0123456789", length: 1 }),
        format(lit("dapi"), run("hexLower", 32)),
      ],
    },
  ],
};
