import { anOrder, aCaller } from './fixtures'
import { canSee, proxyRole } from './permissions'
import { createInput } from './schemas'
import {
  APPOINTMENT,
  AT_HOME,
  CATEGORY_GROUPS,
  CATEGORY_LABELS,
  DESCRIPTION_MIN,
  appointmentProblem,
  descriptionProblem,
  needsRoom,
  proxyCreateText,
  realWords,
  roomText,
} from './categories'
import { SKILLS } from '../users/vocab'

const issuesOf = (input: unknown) => {
  const r = createInput.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])
}

describe('category rules', () => {
  test('every category is in exactly one group, and every group has a label (a heading in the picker)', () => {
    for (const c of SKILLS) expect([c, CATEGORY_GROUPS.filter((g) => g.items.includes(c)).length]).toEqual([c, 1])
    expect(CATEGORY_GROUPS.map((g) => g.label)).toEqual(['维修', '助老', '助小', '家政', '法律咨询', '心理疏导', '其他'])
  })

  test('repairs, 陪诊 and 家政 come to the door; 法律咨询, 心理疏导 and 其他 do not', () => {
    expect(AT_HOME).toEqual(expect.arrayContaining(['repair_water_electric', 'repair_pipe', 'repair_appliance', 'elder_escort', 'housekeeping']))
    for (const c of ['legal', 'counseling', 'other', 'child_tutoring'] as const) expect(AT_HOME).not.toContain(c)
  })

  test('陪诊, 法律咨询 and 心理疏导 are booked for a date and time', () => {
    expect([...APPOINTMENT].sort()).toEqual(['counseling', 'elder_escort', 'legal'])
  })
})

describe('the description must say something beyond the category', () => {
  test('the old prefill "请帮忙：水电" has no real words and is refused for repairs', () => {
    expect(realWords('repair_water_electric', `请帮忙：${CATEGORY_LABELS.repair_water_electric}`)).toBe(0)
    expect(descriptionProblem('repair_water_electric', '请帮忙：水电')).toBe('请写清楚具体情况（至少3个字），比如哪里坏了、要去哪里、什么时间')
    expect(descriptionProblem('repair_water_electric', '维修 水电！！')).not.toBeNull()
  })

  test('a few real words pass; categories without a minimum accept a short text', () => {
    expect(descriptionProblem('repair_water_electric', '厨房灯不亮')).toBeNull()
    expect(descriptionProblem('legal', '押金')).not.toBeNull() // 2 < 4
    expect(descriptionProblem('other', '帮忙搬花盆')).toBeNull()
    expect(descriptionProblem('legal', '房东不退押金怎么办')).toBeNull()
    expect(DESCRIPTION_MIN.counseling).toBe(0)
    expect(descriptionProblem('counseling', '请帮忙')).toBeNull()
  })

  test('the contract refuses it at the description field, so the server agrees with the form', () => {
    expect(issuesOf({ category: 'repair_pipe', description: '请帮忙：管道疏通' })).toEqual([['description', '请写清楚具体情况（至少3个字），比如哪里坏了、要去哪里、什么时间']])
    expect(issuesOf({ category: 'repair_pipe', description: '厨房下水道堵了' })).toEqual([])
  })
})

describe('room and appointment rules', () => {
  test('a service at the door needs a room; blanks do not count; elsewhere it may be left out', () => {
    expect(needsRoom('repair_pipe', null)).toBe(true)
    expect(needsRoom('repair_pipe', '  ')).toBe(true)
    expect(needsRoom('repair_pipe', '302')).toBe(false)
    expect(needsRoom('legal', null)).toBe(false)
    expect(roomText('302')).toBe('302室')
    expect(roomText('3楼东户')).toBe('3楼东户')
  })

  test('an appointment category needs a time that is not past; others ignore it', () => {
    const now = Date.UTC(2026, 11, 5, 2)
    expect(appointmentProblem('elder_escort', undefined, now)).toBe('APPOINTMENT_REQUIRED')
    expect(appointmentProblem('legal', now - 60_000, now)).toBe('APPOINTMENT_PAST')
    expect(appointmentProblem('legal', now + 3_600_000, now)).toBeNull()
    expect(appointmentProblem('repair_pipe', undefined, now)).toBeNull()
  })
})

describe('proxy orders', () => {
  const lead = aCaller({ openid: 'lead', roles: ['resident', 'building_lead'], scopes: { buildings: ['b3'] } })
  const staff = aCaller({ openid: 'st1', roles: ['resident', 'staff'], scopes: { grids: ['g1'], staffOf: ['c1'], communities: ['c1'] } })
  const admin = aCaller({ openid: 'adm', roles: ['resident', 'admin'], scopes: { adminOf: ['c1'], communities: ['c1'] } })
  const b3 = { id: 'b3', gridId: 'g1', communityId: 'c1' }

  test('the timeline names the role and both people', () => {
    expect(proxyCreateText(proxyRole(lead, b3), '王阿姨', '李奶奶')).toBe('楼栋长 王阿姨 代 李奶奶 提交了需求')
    expect(proxyRole(staff, b3)).toBe('网格员')
    expect(proxyRole(admin, b3)).toBe('管理员')
  })

  test("a volunteer who has not accepted sees both the proxy's and the neighbour's phone masked", () => {
    const volunteer = aCaller({ openid: 'vol', roles: ['resident', 'volunteer'], skills: ['elder_escort'] })
    const o = anOrder({ status: 'open', category: 'elder_escort', contactPhone: '13900000001', servedPhone: '13900000002', proxy: true })
    const d = canSee(volunteer, o)
    expect(d.ok && [d.view, d.order.contactPhone, d.order.servedPhone]).toEqual(['masked', '139****0001', '139****0002'])
  })
})
