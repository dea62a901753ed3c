/**
 * What happens in 幸福里社区 besides its people: points rules, gifts, upcoming events and service
 * orders in every state. Pure data; times are relative to `now`, so the demo always shows events in
 * the coming weeks, at clock times of the seeding machine's zone (the app shows local time; on a
 * developer's machine in China that is Beijing time). scripts/seed.ts plays it through the functions as the personas.
 */
import { chinaAt, chinaParts, DAY_MS } from '../china-time'
import type { EventDoc } from '../events/model'
import type { Skill } from '../users/vocab'
import { DEMO_NEIGHBOURS, demoRoom } from './community'
import { PERSONAS } from './personas'

/** Neighbour openid by name (demo-r-NN). */
export const neighbour = (name: string): string => {
  const p = DEMO_NEIGHBOURS.find((n) => n.name === name)
  if (!p) throw new Error(`no demo neighbour ${name}`)
  return p.openid
}

export const DEMO_RULES = {
  categoryPoints: { repair_water_electric: 10, repair_pipe: 10, repair_appliance: 15, elder_escort: 20, elder_shopping: 5, elder_meals: 5, elder_visit: 5, child_tutoring: 10 },
  attendancePoints: 5,
  dailyCap: 200,
}

export interface DemoGift {
  id: string
  name: string
  price: number
  totalStock: number
  perPersonLimit: number
}
/** Fixed ids: seeding twice updates the same gifts. */
export const DEMO_GIFTS: DemoGift[] = [
  { id: 'demo-gift-rice', name: '东北大米5斤', price: 30, totalStock: 40, perPersonLimit: 1 },
  { id: 'demo-gift-oil', name: '食用油1.8升', price: 40, totalStock: 30, perPersonLimit: 1 },
  { id: 'demo-gift-towel', name: '纯棉毛巾', price: 10, totalStock: 60, perPersonLimit: 2 },
  { id: 'demo-gift-detergent', name: '洗衣液2斤', price: 15, totalStock: 50, perPersonLimit: 2 },
]

/** An event as published (the EventDoc fields staff type in), plus who publishes it and who signs up. */
export interface DemoEvent extends Pick<EventDoc, 'kind' | 'title' | 'place' | 'startAt' | 'endAt' | 'deadline' | 'capacity' | 'points'> {
  key: string
  booths: { giftId: string; stock: number }[]
  /** Who publishes it (a 网格员 or the admin) and who has signed up (openid, family members). */
  by: string
  signUps: [openid: string, family: number][]
}

/** hour:minute China time, `days` after the China day of `now` (whatever the seeding machine's zone). */
const at = chinaAt

/** Days from `now` to the next 逢四 day (China calendar) (the 4th, 14th or 24th), at least `min` days ahead. */
export function daysToNextFourth(now: number, min: number): number {
  for (let d = min; ; d++) {
    if (chinaParts(now + d * DAY_MS).d % 10 === 4) return d
  }
}

export function demoEvents(now: number): DemoEvent[] {
  const council = daysToNextFourth(now, 3)
  const ev = (key: string, days: number, from: [number, number], to: [number, number], rest: Omit<DemoEvent, 'key' | 'startAt' | 'endAt' | 'deadline'>): DemoEvent => ({
    key,
    startAt: at(now, days, ...from),
    endAt: at(now, days, ...to),
    deadline: at(now, days - 1, 20),
    ...rest,
  })
  return [
    ev('clinic', 3, [8, 30], [11, 30], {
      kind: 'clinic',
      title: '社区义诊：量血压、测血糖',
      place: '幸福里社区卫生服务站',
      capacity: 40,
      points: 5,
      booths: [],
      by: PERSONAS.staffZhang.openid,
      signUps: [[PERSONAS.residentWang.openid, 0], [neighbour('刘桂兰'), 0], [neighbour('吴玉梅'), 1], [neighbour('何建华'), 0]],
    }),
    ev('haircut', 6, [9, 0], [11, 0], {
      kind: 'haircut',
      title: '银发义剪',
      place: '第二网格党群服务点（6号楼下）',
      capacity: 15,
      points: 5,
      booths: [],
      by: PERSONAS.staffChen.openid,
      signUps: [[neighbour('谢长林'), 0], [neighbour('梁美华'), 0], [neighbour('董大爷'), 0]],
    }),
    ev('stage', 10, [18, 30], [20, 30], {
      kind: 'stage',
      title: '文艺小舞台 · 爱心积分兑换',
      place: '社区文化广场',
      capacity: 80,
      points: 5,
      booths: DEMO_GIFTS.map((g) => ({ giftId: g.id, stock: g.id === 'demo-gift-towel' ? 20 : 10 })),
      by: PERSONAS.admin.openid,
      signUps: [[PERSONAS.residentSun.openid, 2], [PERSONAS.volunteerLi.openid, 1], [neighbour('林芳'), 1], [neighbour('冯丽娟'), 2], [neighbour('高秀兰'), 0]],
    }),
    ev('council', council, [14, 30], [16, 0], {
      kind: 'council',
      title: '逢四议事会：楼道堆物怎么清',
      place: '社区居委会二楼会议室',
      capacity: 20,
      points: 0,
      booths: [],
      by: PERSONAS.admin.openid,
      signUps: [[PERSONAS.leadZhao.openid, 0], [neighbour('陈国强'), 0], [PERSONAS.residentWang.openid, 0]],
    }),
  ]
}

/** How far a demo order gets before the demo starts. */
export type DemoStage = 'submitted' | 'open' | 'accepted' | 'done' | 'confirmed'

export interface DemoOrder {
  /** Resident who orders (or the 楼栋长 ordering for `onBehalfOf`). */
  by: string
  category: Skill
  description: string
  urgency?: 'normal' | 'urgent'
  when?: 'asap' | 'today' | 'tomorrow' | 'this_week' | 'flexible'
  onBehalfOf?: { name: string; openid: string; buildingId: string; unitId: string; room: string }
  /** Appointment categories (陪诊…): days from the seed run to the booked time. */
  appointmentInDays?: number
  stage: DemoStage
  /** 网格员 of the order's grid, who publishes it to the pool. */
  staff: string
  team?: 'red_steward' | 'silver_pioneer' | 'youth'
  volunteer?: string
  doneNote?: string
  rating?: { stars: number; comment: string }
}

const ZHANG = PERSONAS.staffZhang.openid
const CHEN = PERSONAS.staffChen.openid
const LI = PERSONAS.volunteerLi.openid

export const DEMO_ORDERS: DemoOrder[] = [
  {
    by: PERSONAS.leadZhao.openid,
    category: 'elder_shopping',
    description: '吴阿姨腿脚不好，下不了楼，想请人帮忙买点菜送上来：一把青菜、一斤鸡蛋、一袋挂面。',
    when: 'tomorrow',
    onBehalfOf: { name: '吴玉梅', openid: neighbour('吴玉梅'), buildingId: 'b3', unitId: 'b3-1', room: demoRoom(neighbour('吴玉梅')) },
    stage: 'submitted',
    staff: ZHANG,
  },
  { by: neighbour('何建华'), category: 'elder_visit', description: '老伴走了以后一个人在家，想有人每周来坐坐、说说话。', when: 'flexible', stage: 'submitted', staff: CHEN },
  { by: neighbour('韩冬梅'), category: 'repair_pipe', description: '卫生间下水道堵了，水下不去，已经两天了。', urgency: 'urgent', when: 'asap', stage: 'open', staff: CHEN, team: 'red_steward' },
  { by: PERSONAS.residentWang.openid, category: 'repair_water_electric', description: '厨房水龙头一直滴水，拧不紧，晚上滴答滴答睡不着。', when: 'this_week', stage: 'open', staff: ZHANG },
  { by: neighbour('杨淑珍'), category: 'repair_appliance', description: '洗衣机转不起来，一直响警报，不排水。', when: 'this_week', stage: 'accepted', staff: ZHANG, volunteer: LI },
  {
    by: neighbour('梁美华'),
    category: 'elder_escort',
    appointmentInDays: 5,
    description: '下周二上午想去区医院复查血压，儿女都在外地，想请人陪我去。',
    when: 'flexible',
    stage: 'done',
    staff: CHEN,
    volunteer: neighbour('马志华'),
    doneNote: '已陪梁阿姨到区医院复查，血压正常，药也取好了，送到家门口。',
  },
  {
    by: PERSONAS.residentSun.openid,
    category: 'repair_water_electric',
    description: '卫生间插座一插电吹风就跳闸，麻烦帮忙看看。',
    stage: 'confirmed',
    staff: CHEN,
    volunteer: LI,
    doneNote: '插座进水受潮，换了一个带防溅盖的新插座。',
    rating: { stars: 5, comment: '李师傅来得很快，修得很仔细，谢谢！' },
  },
  {
    by: neighbour('刘桂兰'),
    category: 'repair_pipe',
    description: '厨房水池下水道堵了，一用水就往上冒。',
    urgency: 'urgent',
    stage: 'confirmed',
    staff: ZHANG,
    volunteer: neighbour('黄志明'),
    doneNote: '管道里油污结块，已疏通，教了刘阿姨平时用热水冲一冲。',
    rating: { stars: 5, comment: '弄得干干净净，还帮我把地拖了。' },
  },
]

/** Service outside orders, credited by staff with a written reason (real ledger transfers). */
export const DEMO_ADJUSTMENTS: { openid: string; delta: number; reason: string; requestId: string }[] = [
  { openid: LI, delta: 40, reason: '重阳节敬老志愿服务（4小时）', requestId: 'demo-adj-li-0001' },
  { openid: neighbour('马志华'), delta: 30, reason: '社区义诊现场志愿服务', requestId: 'demo-adj-ma-0001' },
  { openid: neighbour('宋佳'), delta: 50, reason: '暑期四点半课堂辅导（10次）', requestId: 'demo-adj-song-001' },
  { openid: neighbour('许伟'), delta: 20, reason: '小区环境整治志愿服务', requestId: 'demo-adj-xu-00001' },
  { openid: PERSONAS.residentWang.openid, delta: 15, reason: '老年合唱队参加文艺小舞台演出', requestId: 'demo-adj-wang-001' },
]

/** One redemption at the 文艺小舞台 booth, so 我的兑换 shows a code. */
export const DEMO_REDEMPTION = { openid: LI, eventKey: 'stage', giftId: 'demo-gift-towel', requestId: 'demo-redeem-li-01' }

/** What the seeded demo shows (the integration test checks these). */
export const DEMO_EXPECT = {
  orders: DEMO_ORDERS.length,
  ordersByStage: DEMO_ORDERS.reduce<Record<string, number>>((m, o) => ({ ...m, [o.stage]: (m[o.stage] ?? 0) + 1 }), {}),
  events: 4,
  gifts: DEMO_GIFTS.length,
}
