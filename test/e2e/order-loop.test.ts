/**
 * Issue #5's story in a real browser: a resident orders a repair in 大字模式 in three taps → staff
 * dispatches → a volunteer accepts, calls and reports done → the resident confirms and rates → the
 * volunteer sees the points; a 楼栋长 orders for a neighbour. Screenshots: test-artifacts/e2e/order-*.png
 */
import type { Page } from 'playwright-core'
import { PERSONAS } from '../../core/demo/personas'
import { phone, shot, useBrowser } from './support/browser'
import { byTestId, fontSize, openPage, pickPersona, tapButton, expectText } from './support/app'
import { attachPhoto, loadedPhotos } from './support/photos'

const browser = useBrowser()

async function as(openid: string): Promise<Page> {
  const { page } = await phone(browser())
  await pickPersona(page, openid)
  return page
}

const status = (page: Page) => byTestId(page, 'order-status').textContent()

test('resident orders a repair in 大字模式 → staff dispatches → volunteer accepts and reports done → resident confirms and rates → volunteer sees the points', async () => {
  const wang = await as(PERSONAS.residentWang.openid)
  if ((await byTestId(wang, 'large-text-switch').getAttribute('data-on')) !== '1') await byTestId(wang, 'large-text-switch').click()
  await shot(wang, 'order-01-home-large-text')

  // 服务点单 → 管道疏通 → a few words → 提交 (the description is a placeholder, not pre-filled)
  await byTestId(wang, 'entry-order').click()
  await byTestId(wang, 'cat-repair').getByText('管道疏通', { exact: true }).click()
  const desc = wang.locator('[data-testid="order-desc"] textarea')
  await expect(desc.inputValue()).resolves.toBe('')
  await desc.fill('厨房下水道堵了，水下不去')
  // 大字模式: the description box follows the large type (font and height grow together)
  const descFont = await fontSize(desc)
  expect(descFont).toBeGreaterThanOrEqual(22)
  expect((await desc.boundingBox())!.height).toBeGreaterThanOrEqual(descFont * 4)
  expect(await fontSize(byTestId(wang, 'order-desc'))).toBe(descFont)
  // a photo of the problem (optional; a 4th tap)
  await attachPhoto(wang, 'order-photos')
  await shot(wang, 'order-02-form')
  await tapButton(wang, '提交')
  await byTestId(wang, 'order-facts').waitFor()
  expect(await status(wang)).toBe('待分派')
  expect(wang.url()).toContain('pages/order/detail/index?id=')
  const orderId = new URL(wang.url().replace('#', '')).searchParams.get('id')!
  await expectText(byTestId(wang, 'order-facts'), '3号楼')
  await shot(wang, 'order-03-submitted')

  // staff of the grid: 派单 → the order → 小事 to the pool
  const zhang = await as(PERSONAS.staffZhang.openid)
  await byTestId(zhang, 'entry-dispatch').click()
  await byTestId(zhang, `order-${orderId}`).click()
  await byTestId(zhang, 'triage-actions').waitFor()
  // the resident's photo, through a temp URL of cloud storage
  await zhang.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="order-photos-shown"] img')).some((i) => (i as HTMLImageElement).naturalWidth > 0))
  expect(await loadedPhotos(zhang, 'order-photos-shown')).toBe(1)
  await byTestId(zhang, 'triage-to').getByText('只给红管家', { exact: true }).click()
  await shot(zhang, 'order-04-triage')
  await tapButton(zhang, '派单')
  await zhang.waitForFunction(() => document.querySelector('[data-testid="order-status"]')?.textContent === '待接单')
  // back on 派单和跟进 the order is found again: not under 待分派 any more, under 待接单
  await openPage(zhang, '/staff/pages/triage/index')
  await byTestId(zhang, 'stage-tabs').waitFor()
  await byTestId(zhang, `order-${orderId}`).waitFor({ state: 'detached' })
  await byTestId(zhang, 'stage-tabs').getByText('待接单', { exact: true }).click()
  await expectText(byTestId(byTestId(zhang, `order-${orderId}`), 'order-card-who'), `单号 ${orderId.slice(-6).toUpperCase()}`)

  // volunteer: 接单大厅 → the order (phone masked) → 接单 → call → 服务完成
  const li = await as(PERSONAS.volunteerLi.openid)
  await byTestId(li, 'entry-volunteer').click()
  await byTestId(li, 'entry-pool').click()
  // the pool card says what the order pays before it is opened
  expect(await byTestId(li, `order-${orderId}`).textContent()).toMatch(/积分 \d+/)
  await byTestId(li, `order-${orderId}`).click()
  await byTestId(li, 'volunteer-actions').waitFor()
  await expectText(byTestId(li, 'order-facts'), '139****0001')
  await tapButton(li, '我来帮忙（接单）')
  const call = byTestId(byTestId(li, 'volunteer-actions'), 'phone-call')
  await call.waitFor()
  expect(await call.getAttribute('href')).toBe('tel:13900000001')
  await shot(li, 'order-05-accepted')
  // staff: under 服务中 now, with the volunteer's name; a search by the resident's name finds it too
  await byTestId(zhang, 'stage-tabs').getByText('服务中', { exact: true }).click()
  await expectText(byTestId(byTestId(zhang, `order-${orderId}`), 'order-card-who'), `志愿者 ${PERSONAS.volunteerLi.name}`)
  await shot(zhang, 'order-05b-staff-serving')
  await byTestId(zhang, 'order-search').locator('input').fill(PERSONAS.residentWang.name)
  await byTestId(zhang, 'order-search-go').click()
  await byTestId(zhang, 'search-on').waitFor()
  await byTestId(zhang, `order-${orderId}`).waitFor()
  await li.locator('[data-testid="done-form"] textarea').fill('下水道已疏通，顺便换了一段软管')
  await byTestId(li, 'done-form').locator('.big-btn').click()
  await li.waitForFunction(() => document.querySelector('[data-testid="order-status"]')?.textContent === '待确认')

  // resident: confirm and rate
  await wang.reload()
  await byTestId(wang, 'confirm-form').waitFor()
  // the resident sees who came: the volunteer's name, team and a tap to call them
  await expectText(byTestId(wang, 'order-volunteer'), PERSONAS.volunteerLi.name)
  expect(await byTestId(byTestId(wang, 'order-facts'), 'phone-call').getAttribute('href')).toMatch(/^tel:1\d{10}$/)
  await byTestId(wang, 'stars').getByText('5星', { exact: true }).click()
  await wang.locator('[data-testid="comment"] textarea').fill('李师傅手艺好，谢谢')
  await tapButton(wang, '确认完成')
  await wang.waitForFunction(() => document.querySelector('[data-testid="order-status"]')?.textContent === '已完成')
  await expectText(byTestId(wang, 'order-rating'), '★★★★★')
  await expectText(byTestId(wang, 'timeline'), '确认完成')
  await shot(wang, 'order-06-confirmed')

  // volunteer: the order says so, and 爱心银行 shows the balance
  await li.reload()
  await expectText(byTestId(li, 'earned'), '获得 10 积分')
  await openPage(li, '/pages/points/index/index')
  const balance = Number(await byTestId(li, 'balance').textContent())
  expect(balance).toBeGreaterThanOrEqual(10)
  await shot(li, 'order-07-volunteer-points')
})

test('a 楼栋长 orders for a neighbour without a phone', async () => {
  const zhao = await as(PERSONAS.leadZhao.openid)
  await byTestId(zhao, 'entry-order').click()
  await byTestId(zhao, 'cat-elder').getByText('送餐', { exact: true }).click()
  await byTestId(zhao, 'order-proxy').getByText('为邻居代下单', { exact: true }).click()
  await byTestId(zhao, 'neighbour-name').locator('input').fill('吴玉梅')
  await byTestId(zhao, 'neighbour-building').getByText('3号楼', { exact: true }).click()
  await byTestId(zhao, 'neighbour-unit').getByText('1单元', { exact: true }).click()
  await byTestId(zhao, 'neighbour-room').locator('input').fill('101')
  await zhao.locator('[data-testid="order-desc"] textarea').fill('吴奶奶腿脚不便，中午送一份饭')
  await shot(zhao, 'order-08-proxy-form')
  await tapButton(zhao, '提交')
  await byTestId(zhao, 'order-facts').waitFor()
  const facts = await byTestId(zhao, 'order-facts').textContent()
  // the volunteer calls the 楼栋长; the neighbour is named beside
  expect(facts).toContain(`${PERSONAS.leadZhao.name}（楼栋长）`)
  expect(facts).toContain('为 吴玉梅')
  await shot(zhao, 'order-09-proxy-submitted')
  await byTestId(zhao, 'order-facts').waitFor()
  await openPage(zhao, '/pages/order/list/index')
  await expectText(byTestId(zhao, 'my-orders'), '送餐')
})
