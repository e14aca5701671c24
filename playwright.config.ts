import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

/**
 * Playwright checks the built `_site/` (run `npm run build` first; `npm test` does) in
 * real Chromium, served by scripts/serve.ts. Debian's /usr/bin/chromium is used where it
 * exists (CI, machines without Playwright's browser download); elsewhere Playwright's own.
 */
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "test/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [["list"]],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices["Desktop Chrome"],
    launchOptions: existsSync(systemChromium)
      ? {
          executablePath: systemChromium,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        }
      : {},
  },
  webServer: {
    // --strict-port: Playwright waits on this one port, so a taken one must fail, not move.
    command: `node --import tsx scripts/serve.ts _site --strict-port`,
    env: { PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
