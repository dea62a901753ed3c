import type { Role } from '../contract/roles'
import type { Skill, Team, TimeSlot } from '../users/vocab'

/**
 * Demo people with fixed OPENIDs: the seed creates them, the H5 persona switcher lists them,
 * tests call as them. Dev/test data only — a real OPENID never starts with `demo-`.
 */
export interface Persona {
  openid: string
  /** Display name; for the newcomer, the label only (no profile exists). */
  name: string
  /** One line for the persona switcher. */
  label: string
  /** Roles after seeding (guest = no profile). */
  roles: Role[]
  phone?: string
  buildingId?: string
  unitId?: string
  /** 网格员: grids served. */
  grids?: string[]
  /** 楼栋长: buildings served. */
  buildings?: string[]
  /** Volunteer application as seeded (approved for volunteers, pending for applicants). */
  volunteer?: { status: 'approved' | 'pending'; skills: Skill[]; availableTimes: TimeSlot[]; team?: Team; intro?: string }
  /** Free tags kept on the user document, e.g. 独居老人. */
  tags?: string[]
}

export const PERSONAS = {
  residentWang: {
    openid: 'demo-resident-wang',
    name: '王秀英',
    label: '居民 · 80岁独居老人 · 3号楼',
    roles: ['resident'],
    phone: '13900000001',
    buildingId: 'b3',
    unitId: 'b3-1',
    tags: ['独居老人'],
  },
  residentSun: {
    openid: 'demo-resident-sun',
    name: '孙浩',
    label: '居民 · 上班族 · 6号楼（第二网格）',
    roles: ['resident'],
    phone: '13900000002',
    buildingId: 'b6',
    unitId: 'b6-2',
  },
  volunteerLi: {
    openid: 'demo-volunteer-li',
    name: '李建国',
    label: '志愿者 · 红管家 · 退休电工',
    roles: ['resident', 'volunteer'],
    phone: '13900000003',
    buildingId: 'b2',
    unitId: 'b2-1',
    volunteer: {
      status: 'approved',
      skills: ['repair_water_electric', 'repair_pipe', 'repair_appliance'],
      availableTimes: ['weekday_morning', 'weekday_afternoon', 'weekend_morning'],
      team: 'red_steward',
      intro: '退休电工，水电小修都能干',
    },
  },
  applicantZhou: {
    openid: 'demo-applicant-zhou',
    name: '周晓雯',
    label: '居民 · 已申请志愿者，待审核 · 1号楼',
    roles: ['resident'],
    phone: '13900000004',
    buildingId: 'b1',
    unitId: 'b1-2',
    volunteer: {
      status: 'pending',
      skills: ['child_tutoring', 'elder_shopping'],
      availableTimes: ['weekend_morning', 'weekend_afternoon'],
      team: 'youth',
      intro: '大学生，周末有空，可以辅导作业',
    },
  },
  staffZhang: {
    openid: 'demo-staff-zhang',
    name: '张丽',
    label: '网格员 · 第一网格',
    roles: ['resident', 'staff'],
    phone: '13900000005',
    buildingId: 'b1',
    unitId: 'b1-1',
    grids: ['g1'],
  },
  staffChen: {
    openid: 'demo-staff-chen',
    name: '陈明',
    label: '网格员 · 第二网格',
    roles: ['resident', 'staff'],
    phone: '13900000006',
    buildingId: 'b5',
    unitId: 'b5-1',
    grids: ['g2'],
  },
  leadZhao: {
    openid: 'demo-lead-zhao',
    name: '赵德福',
    label: '楼栋长 · 3号楼 · 退休党员',
    roles: ['resident', 'building_lead'],
    phone: '13900000007',
    buildingId: 'b3',
    unitId: 'b3-2',
    buildings: ['b3'],
  },
  admin: {
    openid: 'demo-admin',
    name: '刘书记',
    label: '管理员 · 社区居委会',
    roles: ['resident', 'admin'],
    phone: '13900000008',
    buildingId: 'b4',
    unitId: 'b4-1',
  },
  staffHeping: {
    openid: 'demo-staff-heping',
    name: '孔晓燕',
    label: '网格员 · 和平社区（第二个社区）',
    roles: ['resident', 'staff'],
    phone: '13900000009',
    buildingId: 'hp-b3',
    unitId: 'hp-b3-1',
    grids: ['hp-g1'],
  },
  streetAdmin: {
    openid: 'demo-street-admin',
    name: '周主任',
    label: '街道管理员 · 幸福街道（三个社区）',
    roles: ['resident', 'street_admin'],
    phone: '13900000010',
    buildingId: 'ch-b10',
    unitId: 'ch-b10-1',
  },
  newcomer: {
    openid: 'demo-newcomer',
    name: '新来的邻居',
    label: '访客 · 还没有登记',
    roles: ['guest'],
  },
} as const satisfies Record<string, Persona>

export type PersonaKey = keyof typeof PERSONAS
export const PERSONA_LIST: readonly Persona[] = Object.values(PERSONAS)
export const DEMO_OPENID_PREFIX = 'demo-'
