import { after, before } from 'node:test'
import { closeBrowser, launchBrowser } from './browser'
import { startServer, type StartOptions, type TestServer } from './server'

/**
 * Starts a fresh server and the browser before the suite and stops both after it. Returns a
 * handle that is usable inside tests (it forwards to the server started in `before`).
 */
export function useServerAndBrowser(options?: StartOptions): TestServer {
  let current: TestServer | undefined
  before(async () => {
    current = await startServer(options)
    await launchBrowser()
  })
  after(async () => {
    await closeBrowser()
    await current?.stop()
  })
  const live = (): TestServer => {
    if (!current) throw new Error('the test server is not running: use it inside a test, not at suite level')
    return current
  }
  return {
    get baseUrl() {
      return live().baseUrl
    },
    get port() {
      return live().port
    },
    get dataDir() {
      return live().dataDir
    },
    output: () => live().output(),
    waitForSmsCode: (phone, timeoutMs) => live().waitForSmsCode(phone, timeoutMs),
    api: (method, pathname, options) => live().api(method, pathname, options),
    signIn: (phone) => live().signIn(phone),
    stop: () => live().stop(),
  }
}
