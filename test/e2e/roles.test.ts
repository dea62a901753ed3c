/**
 * Role-aware pages in a real browser: a resident is kept out of volunteer and staff pages; a 网格员
 * sees only her grid's residents and makes a neighbour 楼栋长; the persona switcher is reachable
 * from 我的; loading and error states with a retry. Screenshots: test-artifacts/e2e/roles-*.png
 */
import { PERSONAS } from '../../core/demo/personas'
import { DEMO_NEIGHBOURS } from '../../core/demo/community'
import { useBrowser, phone, shot } from './support/browser'
import { byTestId, openPage, pickPersona, tapButton, expectText } from './support/app'

const browser = useBrowser()

test('a resident sees no staff entries and is turned away from volunteer pages; 我的 leads to the persona switcher', async () => {
  const { page, context } = await phone(browser())
  await pickPersona(page, PERSONAS.residentWang.openid)
  await expectText(byTestId(page, 'greeting'), '王秀英')
  for (const id of ['entry-volunteer', 'entry-review', 'entry-users', 'entry-dispatch']) expect(await byTestId(page, id).count()).toBe(0)

  await openPage(page, '/volunteer/pages/home/index')
  await byTestId(page, 'role-gate').waitFor()
  await expectText(byTestId(page, 'role-gate'), '志愿者的页面')
  await shot(page, 'roles-01-resident-gated')

  await openPage(page, '/pages/me/index')
  await byTestId(page, 'switch-persona').click()
  await page.locator(`[data-testid="persona-${PERSONAS.residentWang.openid}"].persona--on`).waitFor()
  await context.close()
})

test('网格员 sees her own grid only and makes a neighbour 楼栋长', async () => {
  const liu = DEMO_NEIGHBOURS.find((n) => n.name === '刘桂兰')! // 1号楼, 第一网格
  const { page, context } = await phone(browser())
  await pickPersona(page, PERSONAS.staffZhang.openid)
  await byTestId(page, 'entry-users').click()

  const search = page.locator('.field-input input').last()
  await search.fill(PERSONAS.residentSun.name) // 6号楼: 第二网格, not hers
  await page.locator('[data-state="empty"]').waitFor()

  await search.fill(liu.name)
  const card = byTestId(page, `user-${liu.openid}`)
  await card.waitFor()
  await expectText(card, '1号楼')
  await expectText(card, /139\*{4}\d{4}/) // others' phones are masked
  await tapButton(card, '设为本楼楼栋长')
  await card.locator('.big-btn', { hasText: '撤销本楼楼栋长' }).waitFor()
  await expectText(card, '楼栋长')
  await shot(page, 'roles-02-staff-made-lead')
  await context.close()
})

test('loading, then a plain-words error when the cloud cannot be reached; 再试一次 recovers', async () => {
  const { page, context } = await phone(browser())
  await pickPersona(page, PERSONAS.staffZhang.openid)
  // Hold the list's first call, then fail it as a dropped network would.
  let release: () => void = () => undefined
  const held = new Promise<void>((r) => (release = r))
  await page.route('**/dev/call', async (route) => {
    const body = route.request().postDataJSON() as { data?: { action?: string } }
    if (body.data?.action !== 'listUsers') return route.continue()
    await held
    await route.abort('internetdisconnected')
  })
  await byTestId(page, 'entry-users').click()
  await page.locator('[data-state="loading"]', { hasText: '正在加载' }).waitFor()
  release()
  const error = page.locator('[data-state="error"]')
  await error.waitFor()
  await expectText(error, '网络不太好，请稍后再试')
  await shot(page, 'roles-03-network-error')
  // an error is never a dead end: the way home is beside 再试一次
  expect(await error.locator('.big-btn', { hasText: '回到首页' }).count()).toBe(1)
  await page.unroute('**/dev/call')
  await tapButton(error, '再试一次')
  // a person's card (not the search box, which shows at once)
  await page.locator('[data-testid^="user-demo-"]').first().waitFor()
  expect(await error.count()).toBe(0)
  await context.close()
})
