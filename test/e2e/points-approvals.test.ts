/**
 * Separation of duties in Chromium: a 网格员 adjusts a resident's points by more than the limit and
 * is told it waits for approval; the admin approves it on 积分审批 after confirming, the points move
 * once, and the attempt is in the audit trail. Screenshots: test-artifacts/e2e/points-approvals-*.png
 */
import { PERSONAS } from '../../core/demo/personas'
import { DEFAULT_LIMITS } from '../../core/points'
import { pointsFn } from '../../core/points/contract'
import { phone, shot, useBrowser } from './support/browser'
import { e2eCloud, expectText, fill, modalButton, openPage, pickPersona, tapButton, vis } from './support/app'

const browser = useBrowser()
const ADMIN = PERSONAS.admin.openid
const STAFF = PERSONAS.staffZhang.openid
const cloud = e2eCloud

test('an adjustment over the limit waits; another person approves it; it moves once and is on record', async () => {
  const staff = (await phone(browser())).page
  await pickPersona(staff, STAFF)
  await openPage(staff, '/staff/pages/points-accounts/index')
  // a resident (not the admin, who lives in this grid too and may not approve a credit to themselves)
  const openid = PERSONAS.residentWang.openid
  const first = vis(staff, `account-${openid}`)
  await first.waitFor()
  const balance = async () => (await cloud().okAs(STAFF, pointsFn.accounts, { limit: 50, csv: false })).items.find((a) => a.openid === openid)!.balance
  const before = await balance()
  const delta = DEFAULT_LIMITS.adjustLimit + 30

  await first.click()
  await fill(staff, 'adjust-delta', String(delta))
  await fill(staff, 'adjust-reason', '重阳节志愿服务补录')
  await tapButton(vis(staff, 'adjust'), '确认调整')
  await expectText(vis(staff, 'adjust-done'), '已提交管理员审批')
  expect(await balance()).toBe(before)
  await shot(staff, 'points-approvals-01-pending')

  const admin = (await phone(browser())).page
  await pickPersona(admin, ADMIN)
  await openPage(admin, '/staff/pages/points-approvals/index')
  const card = admin.locator('[data-testid^="adjustment-adj:"]:visible', { hasText: '重阳节志愿服务补录' }).first()
  await card.waitFor()
  await expectText(card.locator('[data-testid="adjustment-status"]'), '待审批')
  // asking first: 再想想 moves nothing
  await tapButton(card, '批准')
  await modalButton(admin, '再想想').click()
  expect(await balance()).toBe(before)
  await tapButton(card, '批准')
  await shot(admin, 'points-approvals-02-confirm')
  await modalButton(admin, '批准').click()
  await expectText(vis(admin, 'audit-trail'), '调整积分')
  // the approval's own entry, then the balance (the request's entry above may already read 调整积分)
  await openPage(admin, '/staff/pages/points-approvals/index')
  await vis(admin, 'audit-trail').locator('[data-testid="audit-entry"]', { hasText: '批准超限的积分调整' }).first().waitFor()
  expect(await balance()).toBe(before + delta)
  await shot(admin, 'points-approvals-03-approved')

  // the 网格员 sees it approved among their own requests
  await openPage(staff, '/staff/pages/points-approvals/index')
  const mine = staff.locator('[data-testid^="adjustment-adj:"]:visible', { hasText: '重阳节志愿服务补录' }).first()
  await expectText(mine.locator('[data-testid="adjustment-status"]'), '已批准')
})
