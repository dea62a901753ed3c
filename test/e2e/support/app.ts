import type { Locator, Page } from 'playwright-core'
import { clientFor } from '../../support/call'
import { appUrl } from './browser'

/** `[data-testid=…]` */
export const byTestId = (page: Page | Locator, id: string) => page.locator(`[data-testid="${id}"]`)

/** Taro H5 keeps earlier pages of the stack in the DOM, hidden: the visible `[data-testid=…]` only. */
export const vis = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)

/** Type into the input inside the visible element `id`. */
export const fill = (page: Page, id: string, value: string) => vis(page, id).locator('input').fill(value)

/** A button of the open confirmation (Taro's showModal in H5). */
export const modalButton = (page: Page, text: string) => page.locator('.taro-modal__foot:visible').getByText(text, { exact: true })

/** The local cloud the e2e run started, called as any persona (set up data, check results). */
export const e2eCloud = () => clientFor(process.env.E2E_CLOUD_URL!)

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's typings are loose */
let db: any
/** The run's database through the real wx-server-sdk, for what only time does (an event's day arriving). */
export function e2eDb(): any {
  if (!db) {
    Object.assign(process.env, JSON.parse(process.env.E2E_SDK_ENV!) as Record<string, string>)
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- after the environment above is set
    const sdk = require('wx-server-sdk')
    sdk.init({ env: process.env.TCB_ENV })
    db = sdk.database({ throwOnNotFound: false })
  }
  return db
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Open the app as a demo persona through the dev persona switcher, the way a developer does:
 * a fresh browser lands on the switcher; an already-used one gets there from 我的.
 */
export async function pickPersona(page: Page, openid: string, base = appUrl()): Promise<void> {
  await page.goto(`${base}/#/pages/dev-persona/index`)
  await byTestId(page, `persona-${openid}`).click()
  await byTestId(page, 'greeting').waitFor()
}

/**
 * Act as any seeded person, also one the persona switcher does not list (a neighbour): what the
 * switcher stores (Taro H5 keeps storage as {"data": …} in localStorage), then home.
 */
export async function actAs(page: Page, openid: string): Promise<void> {
  await page.goto(`${appUrl()}/#/pages/dev-persona/index`)
  await page.evaluate((id) => localStorage.setItem('linli.dev.openid', JSON.stringify({ data: id })), openid)
  await page.goto(`${appUrl()}/#/pages/home/index`)
  await page.reload()
  await byTestId(page, 'greeting').waitFor()
}

/** Open a page by its path (hash router), e.g. `/pages/me/index`. */
export async function openPage(page: Page, pagePath: string, base = appUrl()): Promise<void> {
  await page.goto(`${base}/#${pagePath}`)
}

/** Computed font size in CSS px. */
export async function fontSize(loc: Locator): Promise<number> {
  return loc.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
}

/** Elements whose box is smaller than `min` CSS px in either direction (visible ones only). */
export async function smallTargets(loc: Locator, min = 44): Promise<string[]> {
  const boxes = await loc.evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const r = el.getBoundingClientRect()
        return { text: (el.textContent ?? '').trim().slice(0, 12), w: r.width, h: r.height }
      }),
  )
  return boxes.filter((b) => b.w < min || b.h < min).map((b) => `${b.text} ${b.w.toFixed(0)}×${b.h.toFixed(0)}`)
}

/** Tap the big button whose whole text is `text` (NutUI's button, not its inner label). */
export async function tapButton(scope: Page | Locator, text: string): Promise<void> {
  await scope.locator('.big-btn', { hasText: new RegExp(`^\\s*${text}\\s*$`) }).click()
}

/**
 * Assert that the element comes to contain `want` within `timeoutMs`, and return its text. Pages
 * first show a loading or guest text, then the data, so a single read would race the page.
 */
export async function expectText(loc: Locator, want: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  const matches = (t: string) => (typeof want === 'string' ? t.includes(want) : want.test(t))
  let last = ''
  for (;;) {
    last = (await loc.first().textContent({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => null)) ?? ''
    if (matches(last)) return last
    if (Date.now() >= deadline) throw new Error(`waited ${timeoutMs} ms for ${String(want)}; the element shows ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The page on screen: Taro H5 keeps earlier pages of the stack in the DOM, hidden. */
export const SHOWN = '.taro_page.taro_page_show'

/**
 * Wait until the page on screen has slid in, the pages under it are put away, and it shows no
 * loading text. Go back only after this: Taro's H5 router (4.2.1) hides the page under a new one
 * by a timer after the slide-in, and a back before that timer leaves the page it returns to hidden
 * (router/page.js `hide`: the timer is not cleared by `show`).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel) as HTMLElement | null
      const under = [...document.querySelectorAll('.taro_page')].slice(0, -1)
      return !!el && Math.abs(el.getBoundingClientRect().left) < 1 && under.every((p) => p.classList.contains('taro_page_shade')) && !/正在加载|加载中/.test(el.innerText)
    },
    SHOWN,
    { timeout: 10_000 },
  )
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
}
