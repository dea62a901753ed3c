/**
 * Forms in Chromium: the server's message for each wrong field shows at that field, and what was
 * typed stays.
 */
import { randomUUID } from 'node:crypto'
import { phone, useBrowser } from './support/browser'
import { actAs, fill, openPage, vis } from './support/app'

const browser = useBrowser()

test('a profile with two wrong fields shows both messages at their fields and keeps what was typed', async () => {
  const { page } = await phone(browser())
  await actAs(page, `e2e-forms-${randomUUID()}`)
  await openPage(page, '/pages/me/index')
  await vis(page, 'profile-form').waitFor()
  await fill(page, 'name-input', '   ')
  await fill(page, 'phone-input', '1381234')
  await vis(page, 'building-picker').getByText('3号楼', { exact: true }).click()
  await vis(page, 'unit-picker').getByText('1单元', { exact: true }).click()
  await vis(page, 'profile-form').locator('.big-btn', { hasText: '保存' }).click()

  // each message under its own field, and a pointer at the foot
  await page.locator('[data-field="name"]:visible [data-testid="error-name"]').waitFor()
  expect(await page.locator('[data-field="name"]:visible [data-testid="error-name"]').textContent()).toBe('请填写姓名')
  expect(await page.locator('[data-field="phone"]:visible [data-testid="error-phone"]').textContent()).toBe('请填写11位手机号')
  expect(await vis(page, 'profile-error').textContent()).toBe('有2处要改一下，请看上面的红字')
  // what was typed is still there
  expect(await vis(page, 'name-input').locator('input').inputValue()).toBe('   ')
  expect(await vis(page, 'phone-input').locator('input').inputValue()).toBe('1381234')

  // fixed: the messages go, the profile is saved
  await fill(page, 'name-input', '新来的邻居')
  await fill(page, 'phone-input', '13812345678')
  await vis(page, 'profile-form').locator('.big-btn', { hasText: '保存' }).click()
  await vis(page, 'profile-saved').waitFor()
  expect(await page.locator('[data-testid^="error-"]:visible').count()).toBe(0)
})
