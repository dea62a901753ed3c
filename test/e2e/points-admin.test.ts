/**
 * 爱心银行 management in Chromium: the admin creates and edits a gift, allocates it to an event booth
 * from the catalog; a 网格员 adjusts a resident's points with a reason and exports the accounts CSV;
 * the admin sets the rules. Screenshots: test-artifacts/e2e/points-admin-*.png
 */
import fs from 'node:fs'
import { PERSONAS } from '../../core/demo/personas'
import { pointsFn } from '../../core/points/contract'
import { phone, shot, useBrowser } from './support/browser'
import { e2eCloud, expectText, fill, openPage, pickPersona, tapButton, vis } from './support/app'

const browser = useBrowser()
const ADMIN = PERSONAS.admin.openid
const STAFF = PERSONAS.staffZhang.openid
const cloud = e2eCloud

test('admin: create and edit a gift, allocate it to a new event booth and add stock to that booth', async () => {
  const name = `挂面${Date.now() % 10000}`
  const admin = (await phone(browser())).page
  await pickPersona(admin, ADMIN)
  await openPage(admin, '/staff/pages/gifts/index')
  await fill(admin, 'gift-name', name)
  await fill(admin, 'gift-price', '20')
  await fill(admin, 'gift-stock', '30')
  await fill(admin, 'gift-limit', '2')
  await tapButton(vis(admin, 'gift-form'), '保存')
  await expectText(vis(admin, 'gift-saved'), name)
  const gift = (await cloud().okAs(ADMIN, pointsFn.gifts, { all: true })).items.find((g) => g.name === name)!
  expect(gift).toMatchObject({ price: 20, totalStock: 30, perPersonLimit: 2, allocated: 0 })
  expect(gift.activeTo - gift.activeFrom).toBeGreaterThan(89 * 86400e3)

  // edit: more stock, same window (starting an edit clears the last 已保存)
  await tapButton(vis(admin, `gift-${gift.id}`), '编辑')
  await vis(admin, 'gift-saved').waitFor({ state: 'detached' })
  await fill(admin, 'gift-stock', '40')
  await tapButton(vis(admin, 'gift-form'), '保存')
  await vis(admin, 'gift-saved').waitFor()
  const edited = (await cloud().okAs(ADMIN, pointsFn.gifts, { all: true })).items.find((g) => g.id === gift.id)!
  expect(edited).toMatchObject({ totalStock: 40, activeFrom: gift.activeFrom, activeTo: gift.activeTo })
  await shot(admin, 'points-admin-01-gifts')

  // allocate to a booth: publish a new event with this gift chosen from the catalog …
  await tapButton(vis(admin, `gift-${gift.id}`), '分配到活动摊位')
  await tapButton(vis(admin, 'allocate'), '发布新活动并设这个摊位')
  await vis(admin, 'title-input').waitFor()
  await fill(admin, 'title-input', `粮油兑换日${gift.id.slice(-4)}`)
  await fill(admin, 'stock-input', '6')
  await tapButton(admin.locator('.page:visible'), '发布')
  await vis(admin, 'seats-left').waitFor()
  await openPage(admin, '/staff/pages/gifts/index')
  // the catalog may show its earlier copy first and then reload: wait for the new figure
  await vis(admin, `gift-${gift.id}`).locator('[data-testid="allocated"]', { hasText: /^6$/ }).waitFor({ timeout: 5000 })

  // … and add 4 more to that (already published) event's booth
  await tapButton(vis(admin, `gift-${gift.id}`), '分配到活动摊位')
  await vis(admin, 'allocate-event').getByText(new RegExp(`^粮油兑换日${gift.id.slice(-4)}`)).click()
  await fill(admin, 'allocate-stock', '4')
  await tapButton(vis(admin, 'allocate'), '分配')
  await expectText(vis(admin, 'allocate-done'), '该摊位共 10 份')
  await vis(admin, `gift-${gift.id}`).locator('[data-testid="allocated"]', { hasText: /^10$/ }).waitFor({ timeout: 5000 })
  expect((await cloud().okAs(ADMIN, pointsFn.gifts, { all: true })).items.find((g) => g.id === gift.id)!.allocated).toBe(10)
  await shot(admin, 'points-admin-01b-allocated')
})

test('网格员: accounts in scope, adjust with a reason, CSV export', async () => {
  const staff = (await phone(browser())).page
  await pickPersona(staff, STAFF)
  await openPage(staff, '/staff/pages/points-accounts/index')
  const first = vis(staff, 'accounts').locator('[data-testid^="account-"]').first()
  await first.waitFor()
  const openid = (await first.getAttribute('data-testid'))!.slice('account-'.length)
  const inScope = await cloud().okAs(STAFF, pointsFn.accounts, { limit: 50, csv: false })
  expect(inScope.items.every((a) => a.gridId === 'g1')).toBe(true)
  const before = inScope.items.find((a) => a.openid === openid)!.balance

  await first.click()
  await fill(staff, 'adjust-delta', '7')
  await fill(staff, 'adjust-reason', '补发义诊签到积分')
  await tapButton(vis(staff, 'adjust'), '确认调整')
  await expectText(vis(staff, 'adjust-done'), `现有 ${before + 7} 分`)
  const st = await cloud().okAs(STAFF, pointsFn.accounts, { limit: 50, csv: false })
  expect(st.items.find((a) => a.openid === openid)!.balance).toBe(before + 7)
  await shot(staff, 'points-admin-02-adjust')

  const [download] = await Promise.all([staff.waitForEvent('download'), tapButton(staff.locator('.page:visible'), '导出 CSV')])
  const csv = fs.readFileSync((await download.path())!, 'utf8')
  expect(download.suggestedFilename()).toMatch(/^积分账户-\d{1,2}月\d{1,2}日\.csv$/)
  expect(csv.replace(/^\ufeff/, '').split(/\r?\n/)[0]).toBe('用户编号,姓名,网格,积分余额')
  expect(csv).toContain(`${openid},`)
  await expectText(vis(staff, 'csv-note'), '已下载')
})

test('admin: rules — points per category, attendance points, daily cap', async () => {
  const admin = (await phone(browser())).page
  await pickPersona(admin, ADMIN)
  await openPage(admin, '/staff/pages/points-rules/index')
  await vis(admin, 'rule-legal').waitFor()
  const now = await cloud().okAs(ADMIN, pointsFn.rules, {})
  await fill(admin, 'rule-legal', '12')
  await fill(admin, 'rule-attendance', String(now.attendancePoints))
  await fill(admin, 'rule-cap', String(now.dailyCap ?? ''))
  await tapButton(vis(admin, 'rules-form'), '保存规则')
  await vis(admin, 'rules-saved').waitFor()
  const after = await cloud().okAs(PERSONAS.residentWang.openid, pointsFn.rules, {})
  expect(after).toMatchObject({ attendancePoints: now.attendancePoints, dailyCap: now.dailyCap })
  expect(after.categoryPoints.legal).toBe(12)
  await shot(admin, 'points-admin-03-rules')
  // a 网格员 cannot open the rules
  const staff = (await phone(browser())).page
  await pickPersona(staff, STAFF)
  await openPage(staff, '/staff/pages/points-rules/index')
  await expect(vis(staff, 'rules-form').count()).resolves.toBe(0)
})
