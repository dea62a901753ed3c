/**
 * Issue #17 in Chromium: a 楼栋长 books 陪诊 for a neighbour without a phone; the form says what is
 * missing at each field (the button stays tappable) and counts the description; the volunteer and
 * the 网格员 see the 楼栋长 as the contact with a phone and the neighbour's room; the home page calls
 * the community's own phone and 120 / 110. Screenshots: test-artifacts/e2e/proxy-*.png
 */
import { PERSONAS } from '../../core/demo/personas'
import { orders } from '../../core/orders/contract'
import { phone, shot, useBrowser } from './support/browser'
import { byTestId, e2eCloud, expectText, openPage, pickPersona, tapButton } from './support/app'

const browser = useBrowser()
const ZHAO = PERSONAS.leadZhao

async function as(openid: string) {
  const { page } = await phone(browser())
  await pickPersona(page, openid)
  return page
}
const fieldError = (page: Awaited<ReturnType<typeof as>>, path: string) => expectText(byTestId(page, `error-${path}`), /\S/)

test('a 楼栋长 books 陪诊 for a neighbour without a phone: reasons at the fields, then the 楼栋长 is the contact and the room is in the address', async () => {
  const zhao = await as(ZHAO.openid)
  await byTestId(zhao, 'entry-order').click()
  // every group has its heading, 法律咨询 and 其他 too
  for (const heading of ['维修', '助小', '家政', '法律咨询', '心理疏导', '其他']) await expectText(byTestId(zhao, 'order-form'), heading)
  await byTestId(zhao, 'cat-elder').getByText('陪诊', { exact: true }).click()
  const desc = zhao.locator('[data-testid="order-desc"] textarea')
  expect(await desc.inputValue()).toBe('')
  expect(await desc.getAttribute('placeholder')).toBeTruthy()
  await expectText(byTestId(zhao, 'order-form'), '0/500')

  // the button is not grey: tapping it says what is missing, at the field
  await tapButton(zhao, '提交')
  expect(await fieldError(zhao, 'description')).toContain('需求描述')
  await desc.fill('陪诊：复查')
  await tapButton(zhao, '提交')
  expect(await fieldError(zhao, 'description')).toBe('请写清楚具体情况（至少3个字），比如哪里坏了、要去哪里、什么时间')
  await desc.fill('李奶奶要去区医院复查血压')
  await expectText(byTestId(zhao, 'order-form'), '12/500')

  await byTestId(zhao, 'order-proxy').getByText('为邻居代下单', { exact: true }).click()
  await byTestId(zhao, 'neighbour-name').locator('input').fill('李奶奶')
  await byTestId(zhao, 'neighbour-building').getByText('3号楼', { exact: true }).click()
  await tapButton(zhao, '提交')
  expect(await fieldError(zhao, 'appointmentAt')).toBe('请选择预约的日期和时间')
  // tomorrow (the second day), 9:00
  await byTestId(zhao, 'appt-day').locator('.chip').nth(1).click()
  await byTestId(zhao, 'appt-hour').getByText('9:00', { exact: true }).click()
  await tapButton(zhao, '提交')
  expect(await fieldError(zhao, 'onBehalfOf.room')).toBe('上门的服务要写门牌号，比如 302，志愿者才找得到')
  await byTestId(zhao, 'neighbour-room').locator('input').fill('402')
  await tapButton(zhao, '提交')
  expect(await fieldError(zhao, 'onBehalfOf.unitId')).toBe('上门的服务要选单元，志愿者才找得到')
  await byTestId(zhao, 'neighbour-unit').getByText('2单元', { exact: true }).click()
  await shot(zhao, 'proxy-01-form')
  await tapButton(zhao, '提交')

  await byTestId(zhao, 'order-facts').waitFor()
  const facts = await expectText(byTestId(zhao, 'order-facts'), '402室')
  expect(facts).toContain('地址：3号楼 2单元 402室')
  expect(facts).toContain(`联系人：${ZHAO.name}（楼栋长） ${ZHAO.phone}，为 李奶奶`)
  expect(facts).toMatch(/时间：预约 \d+月\d+日 09:00/)
  await expectText(byTestId(zhao, 'timeline'), `楼栋长 ${ZHAO.name} 代 李奶奶 提交了需求`)
  expect(await byTestId(zhao, 'timeline').textContent()).not.toContain('居民')
  await shot(zhao, 'proxy-02-detail')
  const orderId = new URL(zhao.url().replace('#', '')).searchParams.get('id')!

  // the 网格员 sees the whole number and the room; a volunteer the room and a masked number until accepting
  const zhang = await as(PERSONAS.staffZhang.openid)
  await openPage(zhang, `/staff/pages/triage-order/index?id=${orderId}`)
  const staffFacts = await expectText(byTestId(zhang, 'order-facts'), '402室')
  expect(staffFacts).toContain(`${ZHAO.name}（楼栋长） ${ZHAO.phone}`)
  await e2eCloud().okAs(PERSONAS.staffZhang.openid, orders.publish, { orderId })
  const li = await as(PERSONAS.volunteerLi.openid)
  await openPage(li, `/volunteer/pages/order/index?id=${orderId}`)
  const volunteerFacts = await expectText(byTestId(li, 'order-facts'), '402室')
  expect(volunteerFacts).toContain(`${ZHAO.name}（楼栋长） 139****0007，为 李奶奶`)
  await shot(li, 'proxy-03-volunteer')
})

test('home: one tap to the community office (its own number) and to 120 / 110', async () => {
  const wang = await as(PERSONAS.residentWang.openid)
  const community = wang.locator('a.phone-call', { hasText: '打给社区' })
  await community.waitFor()
  expect(await community.getAttribute('href')).toBe('tel:021-55550101')
  expect(await wang.locator('a.phone-call', { hasText: '急救 120' }).getAttribute('href')).toBe('tel:120')
  expect(await wang.locator('a.phone-call', { hasText: '报警 110' }).getAttribute('href')).toBe('tel:110')
  expect(await wang.locator('a.phone-call', { hasText: '12345' }).count()).toBe(0)
  await shot(wang, 'proxy-04-home-phones')
})
