import { esbuildPlugin } from '@web/dev-server-esbuild'
import { playwrightLauncher } from '@web/test-runner-playwright'
import { freePort, startApi } from './test/api-server.js'

// A free port per run: several runs on one machine must not collide.
const port = Number(process.env.RELAIS_TEST_PAGE_PORT) || (await freePort())
let api

// Debian's Chromium, launched by path: test runners must not download a browser of their own.
const chromium = playwrightLauncher({
  product: 'chromium',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
  // A visitor far from Paris: times must still show in the initiative's own zone.
  createBrowserContext: ({ browser }) => browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' }),
})

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  port,
  nodeResolve: true,
  concurrency: 1,
  browsers: [chromium],
  testFramework: { config: { timeout: 20000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2021', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
    {
      name: 'relais-api',
      async serverStart() {
        api = await startApi({ pageOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`] })
      },
      async serverStop() {
        await api?.stop()
      },
      // Setup that needs the secret key runs here, in Node: secret keys never enter a browser.
      async executeCommand({ command, payload }) {
        if (command !== 'relais-admin') return undefined
        const response = await fetch(`${api.info.api}${payload.path}`, {
          method: payload.method,
          headers: {
            authorization: `Bearer ${api.secretKey}`,
            ...(payload.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: payload.body === undefined ? undefined : JSON.stringify(payload.body),
        })
        return { status: response.status, body: await response.json().catch(() => null) }
      },
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Relais widget tests</title></head>
<body>
<script>window.__relaisTest = ${JSON.stringify(api?.info ?? {})}</script>
<script src="/node_modules/axe-core/axe.min.js"></script>
<script type="module" src="${testFramework}"></script>
</body>
</html>`,
}
