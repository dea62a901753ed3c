/**
 * Forms and confirmations in the mini-program: the server's message for each wrong field at that
 * field, what was typed kept; nothing that cannot be undone happens without a 确定.
 */
import { randomUUID } from 'node:crypto'
import { useHosts } from './support/hosts'

const open = useHosts()

test('a profile with two wrong fields shows both messages at their fields and keeps what was typed', async () => {
  const h = await open(`weapp-forms-${randomUUID()}`)
  const me = await h.reLaunch('/pages/me/index')
  await me.waitForTestId('profile-form')
  await me.input('name-input', '   ')
  await me.input('phone-input', '1381234')
  await me.tapText('3号楼', 'building-picker')
  await me.tapText('1单元', 'unit-picker')
  await me.tapText('保存', 'profile-form')
  await me.waitForTestId('error-name')
  expect(me.textOf('error-name')).toBe('请填写姓名')
  expect(me.textOf('error-phone')).toBe('请填写11位手机号')
  expect(me.textOf('profile-error')).toBe('有2处要改一下，请看上面的红字')
  expect(me.attrOf('name-input', 'value')).toBe('   ')
  expect(me.attrOf('phone-input', 'value')).toBe('1381234')
})
