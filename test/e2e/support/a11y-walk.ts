/**
 * The accessibility walk: every page of app.config as each persona in one text size, in Chromium —
 * axe-core finds nothing critical or serious, no text under 16 px (20 px in 大字模式), every tap
 * target at least 44 × 44 px (52 in 大字模式), no blank page. Pages are read from the config, so a new
 * page is walked by itself. Each text size is its own test file (test/e2e/a11y*.test.ts), so jest
 * runs the two at once; each persona's walk is its own test.
 */
import { PERSONAS } from '../../../core/demo/personas'
import { eventsFn } from '../../../core/events/contract'
import { orders } from '../../../core/orders/contract'
import { pointsFn } from '../../../core/points/contract'
import { axeFindings, sizeFindings } from './a11y'
import { phone, useBrowser } from './browser'
import { actAs, e2eCloud, openPage, settled } from './app'

/** The H5 build's pages, from the same config the build reads. */
export function appPages(): string[] {
  const g = globalThis as unknown as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig = (c) => c
  process.env.TARO_ENV = 'h5'
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config file is evaluated as the build does
  const config = require('../../../src/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] }
  return [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
}

export const WHO = { guest: PERSONAS.newcomer, resident: PERSONAS.residentWang, volunteer: PERSONAS.volunteerLi, staff: PERSONAS.staffZhang, lead: PERSONAS.leadZhao, admin: PERSONAS.admin }
export const MODES = [
  { name: 'normal', large: false, floors: { font: 16, target: 44 } },
  { name: '大字模式', large: true, floors: { font: 20, target: 52 } },
]

export const DAY = 86400e3
/** One persona's walk in one text size (56 pages) took about 50 s alone on this two-core machine; more when other runs share it. */
export const WALK_MS = 300_000

/**
 * What the pages that take `?id=` open: the walk's stack is fresh, so an order of the resident's
 * that the volunteer took, and an event of the 网格员's with a gift booth the resident signed up for.
 */
async function seedIds(): Promise<{ order: string; event: string; cancelled: string; done: string }> {
  const cloud = e2eCloud()
  const [resident, staff, volunteer] = [PERSONAS.residentWang.openid, PERSONAS.staffZhang.openid, PERSONAS.volunteerLi.openid]
  const o = await cloud.okAs(resident, orders.create, { category: 'repair_pipe', description: '卫生间地漏堵了，水下不去' })
  await cloud.okAs(staff, orders.publish, { orderId: o._id })
  await cloud.okAs(volunteer, orders.accept, { orderId: o._id })
  const cancelled = await cloud.okAs(resident, orders.create, { category: 'repair_pipe', description: '水龙头滴水，已经修好了' })
  await cloud.okAs(resident, orders.cancel, { orderId: cancelled._id })
  // done: its 回访 card waits for an answer beside the confirm form
  const done = await cloud.okAs(resident, orders.create, { category: 'repair_pipe', description: '阳台下水管漏水' })
  await cloud.okAs(staff, orders.publish, { orderId: done._id })
  await cloud.okAs(volunteer, orders.accept, { orderId: done._id })
  await cloud.okAs(volunteer, orders.reportDone, { orderId: done._id, note: '换了一段管子' })
  const now = Date.now()
  const gift = await cloud.okAs(PERSONAS.admin.openid, pointsFn.upsertGift, { name: '纯棉毛巾', price: 10, totalStock: 20, perPersonLimit: 1, activeFrom: now - DAY, activeTo: now + 30 * DAY })
  const start = now + 2 * DAY
  const e = await cloud.okAs(staff, eventsFn.publish, {
    kind: 'clinic', title: '社区义诊：量血压', place: '社区卫生服务站', startAt: start, endAt: start + 3 * 3600e3, deadline: start - DAY, capacity: 20, points: 5, booths: [{ giftId: gift.id, stock: 5 }],
  })
  await cloud.okAs(resident, eventsFn.signUp, { eventId: e.id, family: 1, subscribed: false })
  return { order: o._id, event: e.id, cancelled: cancelled._id, done: done._id }
}

/** Register the walks of one text size (each persona's its own test) in the calling test file. */
export function walkEveryPage(modeName: (typeof MODES)[number]['name']): void {
  const browser = useBrowser()
  let ids: Awaited<ReturnType<typeof seedIds>>
  beforeAll(async () => {
    ids = await seedIds()
  })

  // one test per persona and text size, each walking every page (all twelve walks together outgrew one test's time)
  const WALKS = MODES.filter((m) => m.name === modeName).flatMap((mode) => Object.entries(WHO).map(([who, persona]) => [who, mode.name, { mode, who, openid: persona.openid }] as const))
  test.each(WALKS)('every page as %s in %s: axe clean, text and targets large enough, nothing blank', async (_who, _mode, { mode, who, openid }) => {
    const urlOf = (p: string) => {
      if (p.includes('?') || p.includes('no-such-page')) return `/${p}`
      if (/order\/detail|triage-order|volunteer\/pages\/order/.test(p)) return `/${p}?id=${ids.order}`
      if (/events\/detail|checkin|reconcile|booth|event-poster/.test(p)) return `/${p}?id=${ids.event}`
      return `/${p}`
    }

    // states beyond each page's first view: a cancelled order, a done one with its 回访 card, an unknown address, an id that cannot be an order
    const extraStates = [`pages/order/detail/index?id=${ids.cancelled}`, `pages/order/detail/index?id=${ids.done}`, 'pages/no-such-page/index', 'pages/order/detail/index?id=not-an-order']
    const pages = [...appPages(), ...extraStates]
    const tally = { walked: 0, texts: 0, targets: 0, rules: new Set<string>() }
    /** One persona in one text size: every page in one browser context; what it found. */
    const walk = async (mode: (typeof MODES)[number], who: string, openid: string): Promise<string[]> => {
      const found: string[] = []
      const { context, page } = await phone(browser())
      await actAs(page, openid).catch(() => undefined) // a guest has no greeting to wait for
      await page.evaluate((on) => localStorage.setItem('linli.largeText', JSON.stringify({ data: on })), mode.large)
      for (const p of pages) {
        await openPage(page, urlOf(p))
        await page.reload()
        const here = await settled(page).then(() => [], () => ['still loading after 10 s'])
        const sizes = await sizeFindings(page, mode.floors)
        const axe = await axeFindings(page)
        tally.walked++
        tally.texts += sizes.texts
        tally.targets += sizes.targets
        for (const r of axe.rules) tally.rules.add(r)
        found.push(...[...here, ...axe.findings, ...sizes.findings].map((f) => `${p} · ${who} · ${mode.name}: ${f}`))
      }
      await context.close()
      return found
    }
    const findings = await walk(mode, who, openid)
    const { walked, texts, targets, rules } = tally
    console.log(`a11y walk (${who}, ${mode.name}): ${walked} pages checked (${texts} texts, ${targets} tap targets measured, ${rules.size} axe rules run); ${findings.length} findings`)
    expect(findings).toEqual([])
  }, WALK_MS)
}
