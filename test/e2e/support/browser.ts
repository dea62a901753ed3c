import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/e2e')

export function appUrl(): string {
  const url = process.env.E2E_APP_URL
  if (!url) throw new Error('E2E_APP_URL is not set: run through jest (JEST_PROJECTS=e2e), whose globalSetup starts the stack')
  return url
}

/** Headless Chromium from Debian (Playwright's own download needs the internet). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** A phone-sized, Chinese-language browser context (one per person in a test). */
export async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    // phones in China: times show as people there read them, whatever this machine's zone
    timezoneId: 'Asia/Shanghai',
  })
  const page = await context.newPage()
  page.on('pageerror', (err) => process.stderr.write(`[browser] ${err.message}\n`))
  return { context, page }
}

/**
 * Keep a screenshot as a test artifact: test-artifacts/e2e/<name>.png. Taro's H5 pages scroll
 * inside their own container, so for the whole page the viewport grows to the page's height.
 */
export async function shot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `${name}.png`)
  // let page transitions finish: Taro H5 slides a new page in from the right
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll('.page')).filter((el) => (el as HTMLElement).offsetParent)
    return shown.length > 0 && shown.every((el) => Math.abs(el.getBoundingClientRect().left) < 1)
  })
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  const viewport = page.viewportSize()
  const height = fullPage
    ? await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.page')).map((el) => (el as HTMLElement).offsetParent ? el.scrollHeight : 0), 0))
    : 0
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height, 4000) })
  await page.screenshot({ path: file })
  if (viewport && height > viewport.height) await page.setViewportSize(viewport)
  return file
}

/** One browser per test file: `const browser = useBrowser()` at the top, then `phone(browser())`. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('the browser starts in beforeAll: call browser() inside a test')
    return browser
  }
}
