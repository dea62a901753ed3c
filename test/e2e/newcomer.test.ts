/**
 * Issue #4's story in a real browser: a newcomer opens the H5 app, picks a persona, registers a
 * home building, turns on 大字模式, applies as a volunteer; the grid's staff member approves; the
 * newcomer now sees the volunteer pages. Screenshots: test-artifacts/e2e/newcomer-*.png
 */
import type { Page } from 'playwright-core'
import { PERSONAS } from '../../core/demo/personas'
import { useBrowser, phone, shot, appUrl } from './support/browser'
import { byTestId, fontSize, pickPersona, smallTargets, tapButton, expectText } from './support/app'

const browser = useBrowser()

const NEWCOMER = PERSONAS.newcomer.openid
const STAFF_G1 = PERSONAS.staffZhang.openid // 网格员 of 第一网格, where 2号楼 is

async function sizes(page: Page) {
  return {
    greeting: await fontSize(byTestId(page, 'greeting')),
    tileTitle: await fontSize(page.locator('.tile__title').first()),
    body: await fontSize(byTestId(page, 'register-hint')),
  }
}

test('newcomer registers, turns on 大字模式, applies as volunteer; staff approves; volunteer pages open', async () => {
  const { page } = await phone(browser())

  // First visit in a fresh browser: the dev persona switcher comes first.
  await page.goto(appUrl())
  await byTestId(page, `persona-${NEWCOMER}`).waitFor()
  await shot(page, 'newcomer-01-persona-switcher')
  await byTestId(page, `persona-${NEWCOMER}`).click()
  await byTestId(page, 'register-hint').waitFor()
  await expectText(byTestId(page, 'greeting'), '欢迎来到邻里帮')
  // Features that are not built yet say so plainly (whichever they are today); 我的 is open.
  for (const t of await page.locator('.tile').all()) {
    const soon = (await t.getAttribute('class'))?.includes('tile--soon')
    expect(((await t.textContent()) ?? '').includes('即将开放')).toBe(!!soon)
  }
  expect(await byTestId(page, 'entry-me').textContent()).not.toContain('即将开放')
  // Guests see no volunteer or staff entries.
  expect(await byTestId(page, 'entry-volunteer').count()).toBe(0)
  expect(await byTestId(page, 'entry-review').count()).toBe(0)
  // Every tap target on home is at least 44 × 44 CSS px.
  expect(await smallTargets(page.locator('.tile, [data-testid="large-text-switch"], [data-testid="phone-call"], [data-testid="register-hint"]'))).toEqual([])
  // one tap to the community's own office (even for a guest: the first community), then 120 and 110
  await page.locator('a.phone-call', { hasText: '打给社区' }).waitFor()
  expect(await byTestId(page, 'phone-call').evaluateAll((calls) => calls.map((c) => c.getAttribute('href')))).toEqual(['tel:021-55550101', 'tel:120', 'tel:110'])
  await shot(page, 'newcomer-02-home')

  // 大字模式 on home: every measured text grows by at least 25 %, and it is remembered.
  const before = await sizes(page)
  await byTestId(page, 'large-text-switch').click()
  await expect(byTestId(page, 'large-text-switch').getAttribute('data-on')).resolves.toBe('1')
  const after = await sizes(page)
  for (const k of Object.keys(before) as (keyof typeof before)[]) expect(after[k]).toBeGreaterThanOrEqual(before[k] * 1.25)
  expect(await smallTargets(page.locator('.tile, [data-testid="large-text-switch"], [data-testid="phone-call"]'), 52)).toEqual([])
  await shot(page, 'newcomer-03-home-large-text')
  await page.reload()
  await byTestId(page, 'register-hint').waitFor()
  expect((await sizes(page)).greeting).toBeCloseTo(after.greeting, 1)

  // Register: name, phone, 2号楼 1单元 — big buttons, no wheels.
  await byTestId(page, 'register-hint').click()
  await byTestId(page, 'profile-form').waitFor()
  expect(await fontSize(page.locator('.field-label').first())).toBeCloseTo(after.body, 0) // 大字模式 here too
  await byTestId(page, 'name-input').locator('input').fill('吴桂芳')
  await byTestId(page, 'phone-input').locator('input').fill('13912345678')
  await byTestId(page, 'building-picker').getByText('2号楼', { exact: true }).click()
  await byTestId(page, 'unit-picker').getByText('1单元', { exact: true }).click()
  await tapButton(page, '保存')
  await byTestId(page, 'profile-saved').waitFor()
  await expectText(byTestId(page, 'me-summary'), '2号楼 1单元')
  await shot(page, 'newcomer-04-registered')

  // Apply as a volunteer.
  await byTestId(page, 'volunteer-form').waitFor()
  await byTestId(page, 'skill-picker').getByText('代购', { exact: true }).click()
  await byTestId(page, 'skill-picker').getByText('上门探访', { exact: true }).click()
  await byTestId(page, 'time-picker').getByText('周末上午', { exact: true }).click()
  await tapButton(page, '提交申请')
  await page.locator('[data-testid="volunteer-status"][data-status="pending"]').waitFor()
  await shot(page, 'newcomer-05-applied')

  // Still no volunteer entry on home while the application waits.
  await page.goto(`${appUrl()}/#/pages/home/index`)
  await byTestId(page, 'greeting').filter({ hasText: '吴桂芳' }).waitFor()
  expect(await byTestId(page, 'entry-volunteer').count()).toBe(0)

  // The 网格员 of 第一网格 reviews on her own phone.
  const staff = await phone(browser())
  await pickPersona(staff.page, STAFF_G1)
  await byTestId(staff.page, 'entry-review').click()
  const card = byTestId(staff.page, `application-${NEWCOMER}`)
  await card.waitFor()
  await expectText(card, '吴桂芳')
  await shot(staff.page, 'newcomer-06-staff-review')
  await tapButton(card, '通过')
  await card.waitFor({ state: 'detached' })
  await staff.context.close()

  // Back on the newcomer's phone: the volunteer entry and pages are there.
  await page.reload()
  await byTestId(page, 'entry-volunteer').click()
  await byTestId(page, 'volunteer-home').waitFor()
  await expectText(byTestId(page, 'volunteer-skills'), '代购、上门探访')
  await shot(page, 'newcomer-07-volunteer-home')
})
