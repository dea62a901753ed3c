/**
 * Staff change and cancel a published event in the mini-program: WeChat's date and time pickers,
 * the server's word at the field that is out of order, a 确定 before cancelling; the resident who
 * signed up is told what changed and that it was cancelled.
 */
import { randomUUID } from 'node:crypto'
import { PERSONAS } from '../../core/demo/personas'
import { cstShort } from '../../core/events/changes'
import { eventsFn } from '../../core/events/contract'
import { fromPicked, toPicked } from '../../core/events/times'
import { users } from '../../core/users/contract'
import { clientFor } from '../support/call'
import { useHosts } from './support/hosts'

const open = useHosts()
const cloud = () => clientFor(process.env.WEAPP_CLOUD_URL!)
const DAY = 86400e3
const STAFF = PERSONAS.staffZhang.openid

/** An event tomorrow 09:00–11:00 (China time) in 张网格员's grid, and a new resident signed up for it. */
async function eventWithResident() {
  const startAt = fromPicked({ date: toPicked(Date.now() + DAY).date, time: '09:00' })
  const e = await cloud().okAs(STAFF, eventsFn.publish, {
    kind: 'council', title: '楼道改造议事会', place: '活动室', startAt, endAt: startAt + 2 * 3600e3, deadline: startAt, capacity: 20, points: 5, booths: [],
  })
  const resident = `weapp-event-${randomUUID()}`
  await cloud().okAs(resident, users.updateProfile, { name: '报名居民', phone: '13712340005', buildingId: 'b1', unitId: 'b1-1' })
  await cloud().okAs(resident, eventsFn.signUp, { eventId: e.id })
  return { eventId: e.id, resident }
}

test('staff move an event with the pickers; an end before the start is said at 结束; the resident is told the new time and place', async () => {
  const { eventId, resident } = await eventWithResident()
  const h = await open(STAFF)
  const edit = await h.reLaunch(`/staff/pages/event-publish/index?id=${eventId}`)
  await edit.waitForTestId('edit-form')
  expect(h.fake.calls.find((c) => c.api === 'setNavigationBarTitle')?.args).toEqual({ title: '修改活动' })

  const day = toPicked(Date.now() + 10 * DAY).date
  await edit.pick('start-date', day)
  await edit.pick('start-time', '15:00')
  // the end moved with the start (same length); set it before the start on purpose
  await edit.waitFor(() => edit.textOf('end-time') === '17:00', 'the end following the start')
  await edit.pick('end-time', '14:00')
  await edit.input('place-input', '3号楼会议室')
  await edit.tapText('保存修改', 'edit-form')
  await edit.waitForTestId('error-endAt')
  expect(edit.textOf('error-endAt')).toBe('结束时间要晚于开始时间')
  expect(edit.textOf('start-time')).toBe('15:00')
  expect(edit.attrOf('place-input', 'value')).toBe('3号楼会议室')

  await edit.pick('end-time', '16:30')
  await edit.tapText('保存修改', 'edit-form')
  await edit.waitForTestId('edit-saved')
  const after = await cloud().okAs(resident, eventsFn.detail, { eventId })
  expect(after).toMatchObject({ startAt: fromPicked({ date: day, time: '15:00' }), endAt: fromPicked({ date: day, time: '16:30' }), place: '3号楼会议室' })

  const r = await open(resident)
  const inbox = await r.reLaunch('/pages/inbox/index')
  await inbox.waitForText(`时间改为 ${cstShort(after.startAt)} 至 16:30；地点改为 3号楼会议室`)
})

test('cancelling an event asks first; 再想想 keeps it, 取消活动 cancels it and the resident sees why', async () => {
  const { eventId, resident } = await eventWithResident()
  const h = await open(STAFF)
  const edit = await h.reLaunch(`/staff/pages/event-publish/index?id=${eventId}`)
  await edit.input('cancel-event-form', '暴雨预警，改期再通知')
  h.fake.script.modalConfirm = false
  await edit.tapText('取消活动', 'cancel-event-form')
  await h.settle()
  const asked = h.fake.calls.filter((c) => c.api === 'showModal').map((c) => c.args)
  expect(asked).toEqual([expect.objectContaining({ title: '取消这个活动？', content: expect.stringContaining('积分退回'), confirmText: '取消活动' })])
  expect((await cloud().okAs(resident, eventsFn.detail, { eventId })).status).toBe('published')

  h.fake.script.modalConfirm = true
  await edit.tapText('取消活动', 'cancel-event-form')
  await edit.waitFor(() => h.fake.calls.some((c) => c.api === 'redirectTo'), 'the event page')
  expect((await cloud().okAs(resident, eventsFn.detail, { eventId })).status).toBe('cancelled')

  const r = await open(resident)
  const page = await r.reLaunch(`/pages/events/detail/index?id=${eventId}`)
  await page.waitForTestId('event-cancelled')
  expect(page.textOf('event-cancelled')).toContain('暴雨预警，改期再通知')
})
