import * as z from 'zod'
import { defineFunction } from '../contract/define'
import { errorCatalog } from '../contract/errors'
import { text } from '../contract/text'
import { idSchema } from '../users/schemas'

/** A landline (021-55550101) or a mobile number. */
export const communityPhone = z
  .string({ error: '请填写社区电话' })
  .trim()
  .regex(/^(0\d{2,3}-?\d{7,8}|1\d{10})$/, { error: '请填写社区电话，例如 021-55550101 或11位手机号' })

export const unitView = z.object({ id: z.string(), name: z.string() })
export const buildingView = z.object({
  id: z.string(),
  gridId: z.string(),
  name: z.string(),
  order: z.number(),
  units: z.array(unitView),
})
export const gridView = z.object({ id: z.string(), name: z.string(), order: z.number(), buildings: z.array(buildingView) })
export const structureView = z.object({
  community: z.object({ id: z.string(), name: z.string(), streetId: z.string(), phone: z.string().default('') }),
  grids: z.array(gridView),
})
export type UnitView = z.infer<typeof unitView>
export type BuildingView = z.infer<typeof buildingView>
export type GridView = z.infer<typeof gridView>
export type Structure = z.infer<typeof structureView>

export const streetsView = z.object({
  streets: z.array(z.object({ id: z.string(), name: z.string(), communities: z.array(z.object({ id: z.string(), name: z.string() })) })),
})
export type StreetsView = z.infer<typeof streetsView>

export const community = defineFunction('community', {
  streets: {
    summary: '街道和下属社区（登记住址时先选社区；工作人员切换社区用）',
    roles: 'anyone',
    input: z.object({}),
    output: streetsView,
  },
  structure: {
    summary: '一个社区的结构：社区 → 网格 → 楼栋 → 单元（选择住址用）；不填社区时为自己所在（或正在办事）的社区，访客为第一个社区',
    roles: 'anyone',
    input: z.object({ communityId: idSchema.optional() }),
    output: structureView,
  },
  setPhone: {
    summary: '设置本社区的电话（管理员）：首页“打电话给社区”拨这个号码',
    roles: ['admin'],
    input: z.object({ phone: communityPhone }),
    output: z.object({ communityId: z.string(), phone: z.string() }),
  },
  upsertGrid: {
    summary: '新增或修改本社区的网格（管理员）；编号被其他社区用了时为 OTHER_COMMUNITY',
    roles: ['admin'],
    input: z.object({ id: idSchema, name: text('网格名称', 20), order: z.number().int().min(0).max(999).default(0) }),
    output: gridView.omit({ buildings: true }),
  },
  upsertBuilding: {
    summary: '新增或修改本社区的楼栋及其单元数（管理员）；单元编号为 <楼栋编号>-<序号>，名称为“N单元”；单元数只增不减，楼栋所属网格建后不改',
    roles: ['admin'],
    input: z.object({
      id: idSchema,
      gridId: idSchema,
      name: text('楼栋名称', 20),
      unitCount: z.number({ error: '请填写单元数' }).int().min(1, { error: '至少1个单元' }).max(20, { error: '最多20个单元' }),
      order: z.number().int().min(0).max(999).default(0),
    }),
    output: buildingView,
    errors: ['UNKNOWN_GRID', 'UNITS_CANNOT_SHRINK', 'BUILDING_GRID_FIXED'],
  },
})

export const COMMUNITY_ERRORS = {
  UNKNOWN_GRID: '没有找到这个网格，请先建网格',
  UNITS_CANNOT_SHRINK: '单元数只能增加，不能减少（已有居民登记在这些单元）',
  BUILDING_GRID_FIXED: '楼栋建好后不能改到别的网格，如需调整请联系技术人员',
} as const
export const communityError = errorCatalog(COMMUNITY_ERRORS)
