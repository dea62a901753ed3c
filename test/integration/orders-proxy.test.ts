/**
 * Orders a volunteer can act on, through the real SDK: a proxy order names the proxy as the contact
 * (name, phone, relation) and the neighbour's full address; services at the door need a room, booked
 * services a time; a description must say something; the community's phone is its admin's to set.
 */
import { community } from '../../core/community/contract'
import { PERSONAS } from '../../core/demo/personas'
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { callAs, okAs } from '../support/call'
import { newResident } from '../support/people'
import { makeUsers, P } from './orders-support'

const HOUR = 3_600_000
const inTwoDays = () => Math.ceil(Date.now() / HOUR) * HOUR + 48 * HOUR
const fieldError = (code: string, path: string) => ({ ok: false, error: { code, details: [expect.objectContaining({ path })] } })

describe('a 楼栋长 orders 陪诊 for a neighbour without a phone', () => {
  let volunteer = ''
  beforeAll(async () => {
    ;[volunteer] = await makeUsers(1, { prefix: 'proxy-v', volunteer: { skills: ['elder_escort'] } })
  })

  it('the order carries the 楼栋长 as contact (name, phone, relation), the neighbour and the full address; the timeline names both', async () => {
    const at = inTwoDays()
    const o = await okAs(P.zhao, orders.create, {
      category: 'elder_escort',
      description: '李奶奶要去区医院复查血压，儿女不在身边',
      appointmentAt: at,
      onBehalfOf: { name: '李奶奶', buildingId: 'b3', unitId: 'b3-2', room: '402' },
    })
    expect(o).toMatchObject({ proxy: true, contactName: PERSONAS.leadZhao.name, servedName: '李奶奶', appointmentAt: at })
    expect(o.address).toBe('3号楼 2单元 402室')

    const own = await okAs(P.zhao, orders.get, { orderId: o._id })
    expect(own).toMatchObject({ contactPhone: PERSONAS.leadZhao.phone, contactRelation: '楼栋长', servedPhone: null, room: '402', appointmentAt: at })
    expect(own.timeline[0]).toMatchObject({ event: 'CREATE', note: `楼栋长 ${PERSONAS.leadZhao.name} 代 李奶奶 提交了需求` })

    // staff see the whole number; a volunteer a masked one until they accept, then the whole one
    expect((await okAs(P.zhang, orders.get, { orderId: o._id })).contactPhone).toBe(PERSONAS.leadZhao.phone)
    await okAs(P.zhang, orders.publish, { orderId: o._id })
    const before = await okAs(volunteer, orders.get, { orderId: o._id })
    expect([before.contactName, before.contactPhone, before.address]).toEqual([PERSONAS.leadZhao.name, '139****0007', '3号楼 2单元 402室'])
    await okAs(volunteer, orders.accept, { orderId: o._id })
    expect((await okAs(volunteer, orders.get, { orderId: o._id })).contactPhone).toBe(PERSONAS.leadZhao.phone)
  })

  it('the proxy may state another relation; a neighbour with a phone keeps it beside the contact', async () => {
    const o = await okAs(P.zhao, orders.create, {
      category: 'elder_meals',
      description: '中午送一份饭',
      onBehalfOf: { name: '吴玉梅', phone: '13712345678', buildingId: 'b3', unitId: 'b3-1', room: '101', relation: '家属' },
    })
    expect(await okAs(P.zhao, orders.get, { orderId: o._id })).toMatchObject({ contactRelation: '家属', servedName: '吴玉梅', servedPhone: '13712345678' })
    const r = await callAs(P.zhao, orders.create, { category: 'other', description: '帮忙换个灯泡，够不着', onBehalfOf: { name: '吴玉梅', buildingId: 'b3', relation: '亲戚' as never } })
    expect(r).toMatchObject(fieldError('INVALID_INPUT', 'onBehalfOf.relation'))
  })
})

describe('a service at the door needs the room (门牌号); elsewhere it may be left out', () => {
  it('refuses a proxy repair without the room or the unit, at those fields; nothing is written', async () => {
    const base = { category: 'repair_pipe' as const, description: '厨房下水道堵了' }
    const mine = async () => (await okAs(P.zhao, orders.mine, { limit: 50 })).items.length
    const count = await mine()
    expect(await callAs(P.zhao, orders.create, { ...base, onBehalfOf: { name: '李奶奶', buildingId: 'b3', unitId: 'b3-2' } })).toMatchObject(fieldError('ROOM_REQUIRED', 'onBehalfOf.room'))
    expect(await callAs(P.zhao, orders.create, { ...base, onBehalfOf: { name: '李奶奶', buildingId: 'b3', room: '402' } })).toMatchObject(fieldError('UNIT_REQUIRED', 'onBehalfOf.unitId'))
    expect(await mine()).toBe(count)
  })

  it("one's own order takes the profile's room, or one typed now; without either a repair is refused at `room`, a 法律咨询 is not", async () => {
    const { openid } = await newResident({ prefix: 'room', buildingId: 'b2' })
    await okAs(openid, users.updateProfile, { name: '没写门牌', phone: '13712340099', buildingId: 'b2', unitId: 'b2-1', room: '' })
    const repair = { category: 'repair_pipe' as const, description: '厨房下水道堵了' }
    expect(await callAs(openid, orders.create, repair)).toMatchObject(fieldError('ROOM_REQUIRED', 'room'))
    expect((await okAs(openid, orders.create, { ...repair, room: '3楼东户' })).address).toBe('2号楼 1单元 3楼东户')
    const legal = await okAs(openid, orders.create, { category: 'legal', description: '房东不退押金怎么办', appointmentAt: inTwoDays() })
    expect(legal.address).toBe('2号楼 1单元')

    const saved = await okAs(openid, users.updateProfile, { name: '写了门牌', phone: '13712340099', buildingId: 'b2', unitId: 'b2-1', room: '601' })
    expect(saved.room).toBe('601')
    expect((await okAs(openid, users.me, {})).profile?.room).toBe('601')
    expect((await okAs(openid, orders.create, repair)).address).toBe('2号楼 1单元 601室')
  })
})

describe('booked services and descriptions', () => {
  it('陪诊, 法律咨询 and 心理疏导 need an appointment that is not past, at `appointmentAt`', async () => {
    const escort = { category: 'elder_escort' as const, description: '想请人陪我去医院复查' }
    expect(await callAs(P.wang, orders.create, escort)).toMatchObject(fieldError('APPOINTMENT_REQUIRED', 'appointmentAt'))
    expect(await callAs(P.wang, orders.create, { ...escort, appointmentAt: Date.now() - HOUR })).toMatchObject(fieldError('APPOINTMENT_PAST', 'appointmentAt'))
    expect(await callAs(P.wang, orders.create, { category: 'counseling', description: '最近睡不好' })).toMatchObject(fieldError('APPOINTMENT_REQUIRED', 'appointmentAt'))
    const at = inTwoDays()
    const ok = await okAs(P.wang, orders.create, { ...escort, appointmentAt: at })
    expect(ok.appointmentAt).toBe(at)
    expect((await okAs(P.wang, orders.mine, { limit: 50 })).items.find((x) => x._id === ok._id)?.appointmentAt).toBe(at)
  })

  it('a description that only names the category is refused at the field with a plain message', async () => {
    const r = await callAs(P.wang, orders.create, { category: 'repair_water_electric', description: '请帮忙：水电' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'description', message: '请写清楚具体情况（至少3个字），比如哪里坏了、要去哪里、什么时间' }] } })
  })
})

describe("the community's phone", () => {
  const ADMIN = PERSONAS.admin.openid
  afterAll(async () => {
    await okAs(ADMIN, community.setPhone, { phone: '021-55550101' })
  })

  it('is seeded, set by the admin of the community acted in only, and shown to anyone with the structure', async () => {
    expect((await okAs(P.wang, community.structure, {})).community.phone).toBe('021-55550101')
    expect(await okAs(ADMIN, community.setPhone, { phone: '021 5555 0199'.replace(/ /g, '') })).toEqual({ communityId: 'xingfuli', phone: '02155550199' })
    expect((await okAs(P.wang, community.structure, {})).community.phone).toBe('02155550199')
    // another community of the street keeps its own
    expect((await okAs(P.wang, community.structure, { communityId: 'heping' })).community.phone).toBe('021-55550202')
  })

  it('is refused to staff and residents, and a wrong number is named at the field', async () => {
    for (const who of [P.zhang, P.wang, P.zhao]) expect(await callAs(who, community.setPhone, { phone: '021-55550000' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await callAs(ADMIN, community.setPhone, { phone: '12345' })).toMatchObject(fieldError('INVALID_INPUT', 'phone'))
    expect((await okAs(P.wang, community.structure, {})).community.phone).not.toBe('021-55550000')
  })
})
