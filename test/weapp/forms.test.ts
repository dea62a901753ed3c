/**
 * Forms and confirmations in the mini-program: the server's message for each wrong field at that
 * field, what was typed kept; nothing that cannot be undone happens without a 确定.
 */
import { randomUUID } from 'node:crypto'
import { PERSONAS } from '../../core/demo/personas'
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { RISKY_IMAGE_MARK } from '../../localcloud/openapi/apis'
import { clientFor } from '../support/call'
import type { WeappHost } from './support/host'
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

const cloud = () => clientFor(process.env.WEAPP_CLOUD_URL!)
const modals = (h: WeappHost) => h.fake.calls.filter((c) => c.api === 'showModal').map((c) => c.args as { title: string; content: string; confirmText: string; cancelText: string })

/** A new resident of 1号楼 (第一网格, 张网格员's) with one order just made. */
async function residentWithOrder(): Promise<{ openid: string; orderId: string }> {
  const openid = `weapp-confirm-${randomUUID()}`
  await cloud().okAs(openid, users.updateProfile, { name: '确认居民', phone: '13712340003', buildingId: 'b1', unitId: 'b1-1', room: '101' })
  const o = await cloud().okAs(openid, orders.create, { category: 'repair_pipe', description: '下水道堵了' })
  return { openid, orderId: o._id }
}
const statusOf = async (openid: string, orderId: string) => (await cloud().okAs(openid, orders.get, { orderId })).status

test('cancelling an order asks first with the consequence; 再想想 keeps it, 取消单子 cancels it', async () => {
  const { openid, orderId } = await residentWithOrder()
  const h = await open(openid)
  const detail = await h.reLaunch(`/pages/order/detail/index?id=${orderId}`)
  await detail.waitForTestId('cancel-form')
  h.fake.script.modalConfirm = false
  await detail.tapText('取消这张单子', 'cancel-form')
  await h.settle()
  expect(modals(h)).toEqual([expect.objectContaining({ title: '取消这张单子？', content: expect.stringContaining('不再处理'), confirmText: '取消单子', cancelText: '再想想' })])
  expect(await statusOf(openid, orderId)).toBe('submitted')

  h.fake.script.modalConfirm = true
  await detail.tapText('取消这张单子', 'cancel-form')
  await detail.waitFor(() => detail.textOf('order-status') === '已取消', 'status 已取消')
  expect(await statusOf(openid, orderId)).toBe('cancelled')
})

test('不受理 and revoking a 楼栋长 ask first; 再想想 changes nothing', async () => {
  const { openid, orderId } = await residentWithOrder()
  const h = await open(PERSONAS.staffZhang.openid)
  const triage = await h.reLaunch(`/staff/pages/triage-order/index?id=${orderId}`)
  await triage.tapText('不受理', 'triage-kind')
  await triage.input('reject-form', '不在服务范围内')
  h.fake.script.modalConfirm = false
  await triage.tapText('不受理', 'reject-form')
  await h.settle()
  expect(modals(h).at(-1)).toMatchObject({ title: '不受理这张单子？', confirmText: '不受理' })
  expect(await statusOf(openid, orderId)).toBe('submitted')
  h.fake.script.modalConfirm = true
  await triage.tapText('不受理', 'reject-form')
  await triage.waitFor(() => triage.textOf('order-status') === '未受理', 'status 未受理')

  // the same resident made 楼栋长, then the revoke asked about
  await cloud().okAs(PERSONAS.staffZhang.openid, users.grantRole, { openid, role: 'building_lead', buildings: ['b1'] })
  const people = await h.reLaunch('/staff/pages/users/index')
  await people.input('user-search', '确认居民')
  const card = `user-${openid}`
  await people.waitFor(() => people.textOf(card).includes('撤销本楼楼栋长'), 'the 楼栋长 shown')
  h.fake.script.modalConfirm = false
  await people.tapText('撤销本楼楼栋长', card)
  await h.settle()
  expect(modals(h).at(-1)).toMatchObject({ title: '撤销楼栋长？', confirmText: '撤销' })
  expect((await cloud().okAs(openid, users.me, {})).roles).toContain('building_lead')
  h.fake.script.modalConfirm = true
  await people.tapText('撤销本楼楼栋长', card)
  await people.waitFor(() => people.textOf(card).includes('设为本楼楼栋长'), 'the role revoked')
  expect((await cloud().okAs(openid, users.me, {})).roles).not.toContain('building_lead')
})

test('a photo the image check refuses is named at the photos, and the rest of the form stays', async () => {
  const openid = `weapp-photo-${randomUUID()}`
  await cloud().okAs(openid, users.updateProfile, { name: '拍照居民', phone: '13712340006', buildingId: 'b1', unitId: 'b1-1', room: '101' })
  const h = await open(openid)
  const form = await h.reLaunch('/pages/order/new/index')
  await form.tapText('管道疏通', 'cat-repair')
  await form.input('order-desc', '厨房下水道堵了')
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')
  h.fake.script.media = [h.fake.addTempFile('bad.png', Buffer.concat([png, Buffer.from(RISKY_IMAGE_MARK)]))]
  await form.tap('order-photos-add')
  await form.waitForTestId('privacy-prompt')
  await form.tap('privacy-agree')
  await form.waitFor(() => Number(form.find('order-photos')?.dataset?.count) === 1, 'the photo uploaded')
  await form.tapText('提交')
  await form.waitForTestId('error-photos')
  expect(form.textOf('error-photos')).toBe('第1张照片不合适，请换一张')
  expect(form.route).toBe('pages/order/new/index')
  expect(form.attrOf('order-desc', 'value')).toBe('厨房下水道堵了')
})
