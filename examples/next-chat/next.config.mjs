/** @type {import('next').NextConfig} */
const nextConfig = {
  // Every key under `env` is inlined into the browser bundle, whatever its name.
  env: {
    APP_NAME: "next-chat",
    ANTHROPIC_API_KEY: process.env.ANTHROPIC_API_KEY,
  },
};

export default nextConfig;
