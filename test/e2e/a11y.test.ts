/**
 * The accessibility walk in normal text size (test/e2e/support/a11y-walk.ts; 大字模式 is
 * a11y-large.test.ts), and states the walk does not reach by opening a page, in both sizes.
 */
import { PERSONAS } from '../../core/demo/personas'
import { orders } from '../../core/orders/contract'
import { axeFindings, sizeFindings } from './support/a11y'
import { phone, useBrowser } from './support/browser'
import { actAs, e2eCloud, openPage, settled } from './support/app'
import { DAY, MODES, WALK_MS, walkEveryPage } from './support/a11y-walk'

walkEveryPage('normal')

const browser = useBrowser()

/**
 * States the walk does not reach by opening a page: the order form of a 楼栋长 booking 陪诊 for a
 * neighbour (booking chips, unit, room, relation, counter) with the reasons shown at the fields, a
 * proxy booked order's page, and the admin's 社区电话 tab.
 */
test('new states × text size: the proxy booking form with its reasons, its order page, the community phone tab', async () => {
  const lead = PERSONAS.leadZhao.openid
  const o = await e2eCloud().okAs(lead, orders.create, {
    category: 'elder_escort',
    description: '李奶奶要去区医院复查血压',
    appointmentAt: Date.now() + 2 * DAY,
    onBehalfOf: { name: '李奶奶', buildingId: 'b3', unitId: 'b3-2', room: '402' },
  })
  const findings: string[] = []
  for (const mode of MODES) {
    const { context, page } = await phone(browser())
    await actAs(page, lead)
    await page.evaluate((on) => localStorage.setItem('linli.largeText', JSON.stringify({ data: on })), mode.large)
    const check = async (what: string) => {
      const sizes = await sizeFindings(page, mode.floors)
      const axe = await axeFindings(page)
      findings.push(...[...axe.findings, ...sizes.findings].map((f) => `${what} · ${mode.name}: ${f}`))
    }
    await openPage(page, '/pages/order/new/index')
    await page.reload()
    await settled(page)
    await page.locator('[data-testid="cat-elder"]').getByText('陪诊', { exact: true }).click()
    await page.locator('[data-testid="order-proxy"]').getByText('为邻居代下单', { exact: true }).click()
    await page.locator('[data-testid="neighbour-building"]').getByText('3号楼', { exact: true }).click()
    await page.locator('[data-testid="appt-day"] .chip').nth(1).click()
    await page.locator('.big-btn', { hasText: /^\s*提交\s*$/ }).click()
    await page.locator('[data-testid="error-description"]').waitFor()
    await check('order form: proxy 陪诊 with reasons')
    await openPage(page, `/pages/order/detail/index?id=${o._id}`)
    await page.reload()
    await settled(page)
    await check('order detail: proxy booking')
    await context.close()

    const admin = await phone(browser())
    await actAs(admin.page, PERSONAS.admin.openid)
    await admin.page.evaluate((on) => localStorage.setItem('linli.largeText', JSON.stringify({ data: on })), mode.large)
    await openPage(admin.page, '/staff/pages/admin/index')
    await admin.page.reload()
    await settled(admin.page)
    await admin.page.locator('[data-testid="admin-tabs"]').getByText('社区电话', { exact: true }).click()
    await admin.page.locator('[data-testid="community-phone-input"]').waitFor()
    const sizes = await sizeFindings(admin.page, mode.floors)
    const axe = await axeFindings(admin.page)
    findings.push(...[...axe.findings, ...sizes.findings].map((f) => `admin 社区电话 · ${mode.name}: ${f}`))
    await admin.context.close()
  }
  expect(findings).toEqual([])
}, WALK_MS)
