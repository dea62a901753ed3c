/**
 * 管理员 manages the community in a real browser: adds a grid and a building, adds a unit, makes a
 * resident 网格员 of the new grid and another 管理员; each of them then sees their new entries.
 * A 网格员 is kept out of the admin page. Screenshots: test-artifacts/e2e/admin-*.png
 */
import type { Page } from 'playwright-core'
import { PERSONAS } from '../../core/demo/personas'
import { DEMO_NEIGHBOURS } from '../../core/demo/community'
import { useBrowser, phone, shot } from './support/browser'
import { actAs, byTestId, openPage, pickPersona, tapButton, expectText } from './support/app'

const browser = useBrowser()
const neighbour = (name: string) => DEMO_NEIGHBOURS.find((n) => n.name === name)!
const HAN = neighbour('韩冬梅') // 7号楼, 第二网格
const CAO = neighbour('曹文静') // 8号楼, 第二网格

async function findPerson(page: Page, name: string) {
  await byTestId(page, 'appoint-search').locator('input').fill(name)
  return byTestId(page, 'appoint').locator('.card', { hasText: name })
}

test('admin adds a grid, a building and a unit, appoints a 网格员 and a 管理员; they see their pages', async () => {
  const { page, context } = await phone(browser())
  await pickPersona(page, PERSONAS.admin.openid)
  await byTestId(page, 'entry-admin').click()

  // Structure: a new grid, then a building in it with 2 units, then one more unit.
  await byTestId(page, 'grid-g1').waitFor()
  await byTestId(page, 'grid-name').locator('input').fill('第三网格')
  await tapButton(byTestId(page, 'new-grid'), '新增网格')
  const grid = page.locator('[data-testid^="grid-"]', { hasText: '第三网格' })
  await grid.waitFor()
  await expectText(grid, '还没有楼栋')
  const form = byTestId(page, 'new-building')
  await byTestId(form, 'building-grid').getByText('第三网格', { exact: true }).click()
  await byTestId(form, 'building-name').locator('input').fill('9号楼')
  await byTestId(form, 'building-units').getByText('2个', { exact: true }).click()
  await tapButton(form, '新增楼栋')
  await grid.getByText('9号楼（2个单元）').waitFor()
  await tapButton(grid.locator('[data-testid^="building-"]', { hasText: '9号楼' }), '加一个单元')
  await grid.getByText('9号楼（3个单元）').waitFor()
  await shot(page, 'admin-01-structure')

  // Appoint: 韩冬梅 becomes 网格员 of 第三网格; 曹文静 becomes 管理员.
  await byTestId(page, 'admin-tabs').getByText('网格员与管理员', { exact: true }).click()
  const han = await findPerson(page, HAN.name)
  // saving with no grid picked says what is missing (the button is never grey)
  await tapButton(han, '保存网格员')
  await expectText(byTestId(han, 'appoint-grids-missing'), '请先选一个网格')
  await byTestId(han, 'appoint-grids').getByText('第三网格', { exact: true }).click()
  await tapButton(han, '保存网格员')
  expect(await byTestId(han, 'appoint-grids-missing').count()).toBe(0)
  await byTestId(han, 'appoint-roles').filter({ hasText: '网格员（第三网格）' }).waitFor()
  const cao = await findPerson(page, CAO.name)
  await tapButton(cao, '设为管理员')
  await byTestId(cao, 'appoint-roles').filter({ hasText: '管理员' }).waitFor()
  await cao.locator('.big-btn', { hasText: '撤销管理员' }).waitFor()
  await shot(page, 'admin-02-appointed')
  await context.close()

  // 韩冬梅 now has the staff entries but not the admin one; her 居民与角色 list is her new grid (empty).
  const staff = await phone(browser())
  await actAs(staff.page, HAN.openid)
  await byTestId(staff.page, 'greeting').filter({ hasText: HAN.name }).waitFor()
  await byTestId(staff.page, 'entry-users').waitFor()
  expect(await byTestId(staff.page, 'entry-admin').count()).toBe(0)
  await byTestId(staff.page, 'entry-users').click()
  await staff.page.locator('[data-state="empty"]').waitFor()
  await openPage(staff.page, '/staff/pages/admin/index')
  await byTestId(staff.page, 'role-gate').waitFor()
  await shot(staff.page, 'admin-03-staff-gated')
  await staff.context.close()

  // 曹文静 opens the admin page; her new grid pickers include 第三网格.
  const second = await phone(browser())
  await actAs(second.page, CAO.openid)
  await byTestId(second.page, 'entry-admin').click()
  await second.page.locator('[data-testid^="grid-"]', { hasText: '第三网格' }).waitFor()
  await second.context.close()
})
