/**
 * Every page of app.config, as each persona, in normal and 大字模式, in Chromium: axe-core finds
 * nothing critical or serious, no text under 16 px (20 px in 大字模式), every tap target at least
 * 44 × 44 px (52 in 大字模式), no blank page. Pages are read from the config, so a new page is
 * walked by itself. All findings are listed together in one failure.
 */
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { orders } from '../../core/orders/contract'
import { axeFindings, sizeFindings } from './support/a11y'
import { phone, useBrowser } from './support/browser'
import { actAs, e2eCloud, openPage, settled } from './support/app'

const browser = useBrowser()

/** The H5 build's pages, from the same config the build reads. */
function appPages(): string[] {
  const g = globalThis as unknown as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig = (c) => c
  process.env.TARO_ENV = 'h5'
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config file is evaluated as the build does
  const config = require('../../src/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] }
  return [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
}

const WHO = { guest: PERSONAS.newcomer, resident: PERSONAS.residentWang, volunteer: PERSONAS.volunteerLi, staff: PERSONAS.staffZhang, lead: PERSONAS.leadZhao, admin: PERSONAS.admin }
const MODES = [
  { name: 'normal', large: false, floors: { font: 16, target: 44 } },
  { name: '大字模式', large: true, floors: { font: 20, target: 52 } },
]

test('every page × persona × text size: axe clean, text and targets large enough, nothing blank', async () => {
  const cloud = e2eCloud()
  const [queue, events] = await Promise.all([
    cloud.okAs(PERSONAS.admin.openid, orders.triageQueue, { limit: 5 }),
    cloud.okAs(PERSONAS.admin.openid, eventsFn.list, { tab: 'upcoming', page: 1, pageSize: 5 }),
  ])
  const ids = { order: queue.items[0]?._id ?? '', event: events.items[0]?.id ?? '' }
  const urlOf = (p: string) => {
    if (/order\/detail|triage-order|volunteer\/pages\/order/.test(p)) return `/${p}?id=${ids.order}`
    if (/events\/detail|checkin|reconcile|booth|event-poster/.test(p)) return `/${p}?id=${ids.event}`
    return `/${p}`
  }

  const pages = appPages()
  const findings: string[] = []
  let walked = 0
  let texts = 0
  let targets = 0
  for (const mode of MODES) {
    for (const [who, persona] of Object.entries(WHO)) {
      const { context, page } = await phone(browser())
      await actAs(page, persona.openid).catch(() => undefined) // a guest has no greeting to wait for
      await page.evaluate((on) => localStorage.setItem('linli.largeText', JSON.stringify({ data: on })), mode.large)
      for (const p of pages) {
        await openPage(page, urlOf(p))
        await page.reload()
        await settled(page).catch(() => findings.push(`${p} · ${who} · ${mode.name}: still loading after 10 s`))
        const sizes = await sizeFindings(page, mode.floors)
        texts += sizes.texts
        targets += sizes.targets
        const here = [...(await axeFindings(page)), ...sizes.findings]
        findings.push(...here.map((f) => `${p} · ${who} · ${mode.name}: ${f}`))
        walked++
      }
      await context.close()
    }
  }
  console.log(`a11y walk: ${pages.length} pages × ${Object.keys(WHO).length} personas × ${MODES.length} text sizes = ${walked} pages checked (${texts} texts, ${targets} tap targets measured); ${findings.length} findings`)
  expect(findings).toEqual([])
})
