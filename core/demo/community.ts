import type { Persona } from './personas'
import { PERSONA_LIST } from './personas'
import { NEIGHBOUR_COMMUNITIES, NEIGHBOUR_COMMUNITY_PEOPLE } from './neighbour-communities'

/** The demo street: 幸福街道 with three communities of different sizes. */
export const DEMO_STREET = { id: 'xingfu', name: '幸福街道' }

/** The first community (the personas' home): 幸福里社区, 2 grids, 8 buildings, ~20 residents besides the personas. */
export const DEMO_COMMUNITY = { id: 'xingfuli', name: '幸福里社区', phone: '021-55550101' }

export const DEMO_GRIDS = [
  { id: 'g1', name: '第一网格', order: 1 },
  { id: 'g2', name: '第二网格', order: 2 },
]

export const DEMO_BUILDINGS = [
  { id: 'b1', gridId: 'g1', name: '1号楼', unitCount: 3, order: 1 },
  { id: 'b2', gridId: 'g1', name: '2号楼', unitCount: 2, order: 2 },
  { id: 'b3', gridId: 'g1', name: '3号楼', unitCount: 2, order: 3 },
  { id: 'b4', gridId: 'g1', name: '4号楼', unitCount: 3, order: 4 },
  { id: 'b5', gridId: 'g2', name: '5号楼', unitCount: 2, order: 5 },
  { id: 'b6', gridId: 'g2', name: '6号楼', unitCount: 3, order: 6 },
  { id: 'b7', gridId: 'g2', name: '7号楼', unitCount: 2, order: 7 },
  { id: 'b8', gridId: 'g2', name: '8号楼', unitCount: 2, order: 8 },
]

type Extra = [name: string, buildingId: string, unit: number, tags?: string[], volunteer?: Persona['volunteer']]

// Neighbours who are not personas; openids demo-r-01 … demo-r-20.
const EXTRA: Extra[] = [
  ['刘桂兰', 'b1', 1, ['独居老人']],
  ['陈国强', 'b1', 3],
  ['杨淑珍', 'b2', 2, ['独居老人']],
  ['黄志明', 'b2', 1, [], { status: 'approved', skills: ['repair_pipe', 'repair_water_electric'], availableTimes: ['weekend_morning'], team: 'red_steward', intro: '红管家，疏通管道' }],
  ['吴玉梅', 'b3', 1, ['独居老人', '行动不便']],
  ['郑小红', 'b3', 2],
  ['马志华', 'b4', 2, [], { status: 'approved', skills: ['elder_escort', 'elder_visit'], availableTimes: ['weekday_morning', 'weekday_afternoon'], team: 'silver_pioneer', intro: '退休护士，可以陪诊' }],
  ['林芳', 'b4', 3, ['双职工家庭']],
  ['何建华', 'b5', 1, ['独居老人']],
  ['高秀兰', 'b5', 2],
  ['罗德明', 'b6', 1, [], { status: 'approved', skills: ['repair_appliance', 'repair_water_electric'], availableTimes: ['weekend_afternoon'], team: 'red_steward' }],
  ['梁美华', 'b6', 3, ['独居老人']],
  ['宋佳', 'b6', 2, [], { status: 'approved', skills: ['child_tutoring', 'child_care'], availableTimes: ['weekday_evening'], team: 'youth', intro: '师范生，晚上辅导作业' }],
  ['谢长林', 'b7', 1, ['独居老人', '听力不好']],
  ['韩冬梅', 'b7', 2],
  ['唐志刚', 'b7', 1, [], { status: 'pending', skills: ['elder_meals', 'elder_shopping'], availableTimes: ['weekday_morning'] }],
  ['冯丽娟', 'b8', 1, ['双职工家庭']],
  ['董大爷', 'b8', 2, ['独居老人']],
  ['曹文静', 'b8', 1],
  ['许伟', 'b2', 2, [], { status: 'approved', skills: ['elder_shopping', 'housekeeping'], availableTimes: ['weekend_morning', 'weekend_afternoon'] }],
]

export const DEMO_NEIGHBOURS: Persona[] = EXTRA.map(([name, buildingId, unit, tags, volunteer], i) => ({
  openid: `demo-r-${String(i + 1).padStart(2, '0')}`,
  name,
  label: `居民 · ${buildingId.slice(1)}号楼`,
  roles: volunteer?.status === 'approved' ? ['resident', 'volunteer'] : ['resident'],
  phone: `1390000${String(100 + i).padStart(4, '0')}`,
  buildingId,
  unitId: `${buildingId}-${unit}`,
  ...(tags && tags.length ? { tags } : {}),
  ...(volunteer ? { volunteer } : {}),
}))

/** Everyone the seed registers (the newcomer stays a guest). */
export const DEMO_PEOPLE: Persona[] = [...PERSONA_LIST, ...DEMO_NEIGHBOURS, ...NEIGHBOUR_COMMUNITY_PEOPLE].filter((p) => !p.roles.includes('guest'))

/** Every demo community with its grids and buildings (the first is 幸福里社区 above). */
export const DEMO_COMMUNITIES = [{ ...DEMO_COMMUNITY, order: 1, grids: DEMO_GRIDS, buildings: DEMO_BUILDINGS }, ...NEIGHBOUR_COMMUNITIES]

const ALL_BUILDINGS = DEMO_COMMUNITIES.flatMap((c) => c.buildings.map((b) => ({ ...b, communityId: c.id })))
export const gridOfBuilding = (buildingId: string): string | undefined => ALL_BUILDINGS.find((b) => b.id === buildingId)?.gridId
export const communityOfBuilding = (buildingId: string): string | undefined => ALL_BUILDINGS.find((b) => b.id === buildingId)?.communityId

/** A demo person's 门牌号, the same on every seed: floor 1–6, door 1–2 (e.g. 302). */
export function demoRoom(openid: string): string {
  let h = 0
  for (const ch of openid) h = (h * 31 + ch.charCodeAt(0)) % 9973
  return `${(h % 6) + 1}0${(Math.floor(h / 6) % 2) + 1}`
}
