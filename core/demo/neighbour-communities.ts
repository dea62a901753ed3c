/**
 * The other two communities of 幸福街道 in the demo: 和平社区 (small: one grid, 3 buildings) and
 * 春晖社区 (larger: 3 grids, 12 buildings), each with its own admin, 网格员, volunteers and residents.
 * Their 网格员 and admin personas are in personas.ts; the rest live here (openids demo-hp-*, demo-ch-*).
 */
import type { Persona } from './personas'

type Building = { id: string; gridId: string; name: string; unitCount: number; order: number }
const buildings = (prefix: string, grids: string[], perGrid: number): Building[] =>
  grids.flatMap((gridId, g) =>
    Array.from({ length: perGrid }, (_, i) => {
      const n = g * perGrid + i + 1
      return { id: `${prefix}-b${n}`, gridId, name: `${n}号楼`, unitCount: 2 + (n % 2), order: n }
    }),
  )

export const NEIGHBOUR_COMMUNITIES = [
  {
    id: 'heping',
    name: '和平社区',
    phone: '021-55550202',
    order: 2,
    grids: [{ id: 'hp-g1', name: '和平网格', order: 1 }],
    buildings: buildings('hp', ['hp-g1'], 3),
  },
  {
    id: 'chunhui',
    name: '春晖社区',
    phone: '021-55550303',
    order: 3,
    grids: [
      { id: 'ch-g1', name: '东区网格', order: 1 },
      { id: 'ch-g2', name: '中区网格', order: 2 },
      { id: 'ch-g3', name: '西区网格', order: 3 },
    ],
    buildings: buildings('ch', ['ch-g1', 'ch-g2', 'ch-g3'], 4),
  },
]

type Row = [openid: string, name: string, buildingId: string, extra?: Partial<Persona>]
const volunteer = (skills: NonNullable<Persona['volunteer']>['skills']): Partial<Persona> => ({
  roles: ['resident', 'volunteer'],
  volunteer: { status: 'approved', skills, availableTimes: ['weekend_morning', 'weekday_evening'] },
})

const ROWS: Row[] = [
  ['demo-hp-admin', '吴主任', 'hp-b1', { roles: ['resident', 'admin'], label: '管理员 · 和平社区' }],
  ['demo-hp-r1', '钱阿婆', 'hp-b1', { tags: ['独居老人'] }],
  ['demo-hp-r2', '周大伯', 'hp-b2', { tags: ['行动不便'] }],
  ['demo-hp-v1', '郑小军', 'hp-b2', volunteer(['repair_water_electric', 'repair_pipe'])],
  ['demo-hp-r3', '冯芳', 'hp-b3'],
  ['demo-ch-admin', '蒋书记', 'ch-b1', { roles: ['resident', 'admin'], label: '管理员 · 春晖社区' }],
  ['demo-ch-staff1', '沈网格', 'ch-b2', { roles: ['resident', 'staff'], grids: ['ch-g1'], label: '网格员 · 春晖东区' }],
  ['demo-ch-staff2', '韩网格', 'ch-b6', { roles: ['resident', 'staff'], grids: ['ch-g2', 'ch-g3'], label: '网格员 · 春晖中区、西区' }],
  ['demo-ch-v1', '杨红', 'ch-b3', volunteer(['elder_visit', 'elder_shopping'])],
  ['demo-ch-v2', '朱强', 'ch-b7', volunteer(['repair_appliance'])],
  ['demo-ch-r1', '秦奶奶', 'ch-b1', { tags: ['独居老人'] }],
  ['demo-ch-r2', '尤先生', 'ch-b4'],
  ['demo-ch-r3', '许阿姨', 'ch-b5', { tags: ['独居老人'] }],
  ['demo-ch-r4', '何同学', 'ch-b8'],
  ['demo-ch-r5', '吕大爷', 'ch-b9', { tags: ['听力不好'] }],
  ['demo-ch-r6', '施女士', 'ch-b11'],
  ['demo-ch-r7', '张先生', 'ch-b12'],
]

export const NEIGHBOUR_COMMUNITY_PEOPLE: Persona[] = ROWS.map(([openid, name, buildingId, extra], i) => ({
  openid,
  name,
  label: `居民 · ${buildingId}`,
  roles: ['resident'],
  phone: `1391000${String(100 + i).padStart(4, '0')}`,
  buildingId,
  unitId: `${buildingId}-1`,
  ...extra,
}))
