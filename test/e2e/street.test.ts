/**
 * The street office in Chromium: a 网格员 of 和平社区 sends a 大事 up to the street; the street
 * admin sees the street's three communities and the case in its queue, answers it; the 网格员
 * sees the answer on the order. Screenshots: test-artifacts/e2e/street-*.png
 */
import { PERSONAS } from '../../core/demo/personas'
import { orders } from '../../core/orders/contract'
import { phone, shot, useBrowser } from './support/browser'
import { byTestId, e2eCloud, expectText, openPage, pickPersona } from './support/app'

const browser = useBrowser()
const HEPING_RESIDENT = 'demo-hp-r2'

test('a 大事 sent up by 和平社区 is answered by the street admin, and the 网格员 sees the answer', async () => {
  const o = await e2eCloud().okAs(HEPING_RESIDENT, orders.create, { category: 'other', description: '小区外的人行道塌了一块，老人走路不安全' })

  const staff = (await phone(browser())).page
  await pickPersona(staff, PERSONAS.staffHeping.openid)
  await openPage(staff, `/staff/pages/triage-order/index?id=${o._id}`)
  await byTestId(staff, 'triage-kind').getByText('大事：上报', { exact: true }).click()
  await byTestId(staff, 'escalate-to').getByText('上报街道（街道答复，有时限）', { exact: true }).click()
  await byTestId(staff, 'escalate-form').locator('textarea').fill('人行道归市政管，需要街道协调')
  await byTestId(staff, 'escalate-form').locator('.big-btn').click()
  await expectText(byTestId(staff, 'street-answer'), '已上报街道，等待答复')
  await shot(staff, 'street-01-escalated')

  const street = (await phone(browser())).page
  await pickPersona(street, PERSONAS.streetAdmin.openid)
  await byTestId(street, 'entry-street').click()
  const communities = byTestId(street, 'street-communities')
  await expectText(communities, '幸福里社区')
  expect(await communities.locator('.card').count()).toBe(3)
  await expectText(communities, '和平社区')
  await expectText(communities, '春晖社区')
  const item = byTestId(street, `street-case-${o._id}`)
  await expectText(item, '和平社区')
  expect(await item.getAttribute('data-answered')).toBe('no')
  await shot(street, 'street-02-queue')
  await item.click()
  // the street reads the case without the resident's phone number
  await byTestId(street, 'street-reply').waitFor()
  expect(await street.locator('body').innerText()).not.toContain('1391000')
  await byTestId(street, 'street-reply').locator('textarea').fill('已联系市政所，本周五前修好')
  await byTestId(street, 'street-reply').locator('.big-btn').click()
  await expectText(byTestId(street, 'street-answer'), '已联系市政所，本周五前修好')
  await shot(street, 'street-03-answered')

  await openPage(staff, `/staff/pages/triage-order/index?id=${o._id}`)
  await staff.reload()
  await expectText(byTestId(staff, 'street-answer'), '已联系市政所，本周五前修好')
  await expectText(byTestId(staff, 'timeline'), '街道答复')
  await shot(staff, 'street-04-staff-sees-answer')
})
