/**
 * Every page of app.json (main package and subpackages) as every demo persona, in the mini-program
 * host against the seeded demo: it renders, shows something once loaded, reports no error or
 * template warning, and stays under WeChat's setData limit. A new page is covered by itself.
 * The figures (first render, largest setData) go to test-artifacts/weapp/pages.txt.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { orders } from '../../core/orders/contract'
import { clientFor } from '../support/call'
import { SETDATA_LIMIT, WeappHost } from './support/host'

const CLOUD = () => process.env.WEAPP_CLOUD_URL!
const WHO = { guest: PERSONAS.newcomer, resident: PERSONAS.residentWang, volunteer: PERSONAS.volunteerLi, staff: PERSONAS.staffZhang, lead: PERSONAS.leadZhao, admin: PERSONAS.admin }
const rows: string[] = []
/** Public pages that may be shared (config/share.test.ts keeps the page configs to this list). */
const MAY_SHARE = new Set(['pages/events/index/index', 'pages/events/detail/index'])
let ids: { order: string; event: string }

beforeAll(async () => {
  const cloud = clientFor(CLOUD())
  const [queue, events] = await Promise.all([cloud.okAs(PERSONAS.admin.openid, orders.triageQueue, { limit: 5 }), cloud.okAs(PERSONAS.admin.openid, eventsFn.list, { tab: 'upcoming', limit: 5 })])
  ids = { order: queue.items[0]?._id ?? 'o00000000000', event: events.items[0]?.id ?? 'e0' }
})

afterAll(() => {
  const out = path.resolve(__dirname, '../../test-artifacts/weapp')
  fs.mkdirSync(out, { recursive: true })
  fs.writeFileSync(path.join(out, 'pages.txt'), ['page\tpersona\tfirst render ms\tlargest setData bytes', ...rows].join('\n') + '\n')
  const ms = rows.map((r) => Number(r.split('\t')[2])).sort((a, b) => a - b)
  const biggest = rows.map((r) => r.split('\t')).sort((a, b) => Number(b[3]) - Number(a[3]))[0]
  if (biggest) console.log(`weapp: ${all.length} pages × ${Object.keys(WHO).length} personas; first render median ${ms[Math.floor(ms.length / 2)]} ms, max ${ms[ms.length - 1]} ms; largest setData ${biggest[3]} bytes (${biggest[0]} as ${biggest[1]})`)
})

/** The query a page needs to show real data (its `id`: an order or an event of the demo). */
function urlOf(page: string): string {
  if (/order\/detail|triage-order|volunteer\/pages\/order/.test(page)) return `/${page}?id=${ids.order}`
  if (/events\/detail|checkin|reconcile|booth|event-poster/.test(page)) return `/${page}?id=${ids.event}`
  return `/${page}`
}

const pages = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../dist/app.json'), 'utf8')) as { pages: string[]; subPackages: { root: string; pages: string[] }[] }
const all = [...pages.pages, ...pages.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]

describe.each(Object.entries(WHO))('as %s', (who, persona) => {
  let host: WeappHost
  beforeAll(async () => {
    host = await WeappHost.start({ cloudUrl: CLOUD(), openid: who === 'guest' ? 'weapp-guest' : persona.openid })
  })
  afterAll(() => host.close())

  test.each(all)('%s', async (page) => {
    host.errors.length = 0
    host.warnings.length = 0
    const p = await host.reLaunch(urlOf(page))
    await p.waitFor(() => p.firstRenderMs !== null, 'the first render')
    // loaded: nothing says it is still loading for a moment
    await p.waitFor(() => !/正在加载|加载中/.test(p.text()), 'loading to finish')
    rows.push(`${page}\t${who}\t${p.firstRenderMs}\t${p.maxSetData}`)
    expect(p.text().trim().length).toBeGreaterThan(0)
    expect(p.maxSetData).toBeLessThan(SETDATA_LIMIT)
    // share menus stay off on pages with people's data: WeChat offers 转发 only when the page defines onShareAppMessage
    expect(typeof p.logic.onShareAppMessage === 'function').toBe(MAY_SHARE.has(page))
    host.assertClean()
  })
})

test('opened at a page that does not exist (an old share or QR code), the app shows 没有找到 with a way home', async () => {
  const host = await WeappHost.start({ cloudUrl: CLOUD(), openid: PERSONAS.residentWang.openid })
  try {
    host.openMissing('/pages/old-activity/index?id=e1')
    await host.settle()
    const p = host.page
    expect(p.route).toBe('account/pages/not-found/index')
    await p.waitForText('没有找到这个页面')
    await p.tapText('回到首页')
    await p.waitFor(() => host.page.route === 'pages/home/index', 'home')
    await host.settle()
    host.assertClean()
  } finally {
    host.close()
  }
})
