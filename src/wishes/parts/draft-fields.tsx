import { View, Input, Textarea } from '@tarojs/components'
import { ChipPicker, Field } from '@/components'
import { DateTime } from '@/components/date-time'
import { AGE_BAND_LABELS, WISH_KIND_LABELS, type AgeBand, type WishKind } from '@core/wishes/vocab'
import { SKILL_LABELS, type Skill } from '@core/users/vocab'
import { DAY_MS } from '@core/china-time'

export const EMPTY_DRAFT = {
  kind: 'item' as WishKind,
  title: '',
  detail: '',
  priceCap: '100',
  category: 'child_tutoring' as Skill,
  occasion: '春节',
  targetAt: Date.now() + 30 * DAY_MS,
  gridId: '',
  shares: '1',
  alias: '',
  ageBand: '7-9' as AgeBand,
  grade: '',
  station: '社区服务站',
  name: '',
  phone: '',
  address: '',
  guardianName: '',
  guardianPhone: '',
  relation: '',
}
export type Draft = typeof EMPTY_DRAFT

const chips = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))
const SERVICES: Skill[] = ['child_tutoring', 'child_care', 'elder_visit', 'other']

/** One text field of the draft (the page shows the server's message at it). */
function Text1({ label, path, k, d, set, error, max, number }: { label: string; path: string; k: keyof Draft; d: Draft; set: (p: Partial<Draft>) => void; error: unknown; max: number; number?: boolean }) {
  return (
    <Field label={label} path={path} error={error}>
      <Input className='field-input order-text' type={number ? 'number' : 'text'} data-testid={`draft-${k}`} value={String(d[k])} maxlength={max} onInput={(e) => set({ [k]: e.detail.value })} />
    </Field>
  )
}

/** The wish as donors will see it: what, how much, for when, how many shares, the child's alias, age band and grade. */
export function WishFields({ d, set, error, grids }: { d: Draft; set: (p: Partial<Draft>) => void; error: unknown; grids: { value: string; label: string }[] }) {
  const t = { d, set, error }
  return (
    <>
      <ChipPicker testId='draft-kind' options={chips(WISH_KIND_LABELS)} value={[d.kind]} onChange={([v]) => set({ kind: v as WishKind })} />
      <Text1 {...t} label='心愿（一句话）' path='title' k='title' max={30} />
      <Field label='说明' path='detail' error={error}>
        <Textarea className='field-input field-textarea order-text' data-testid='draft-detail' value={d.detail} maxlength={300} onInput={(e) => set({ detail: e.detail.value })} />
      </Field>
      {d.kind === 'item' ? (
        <Text1 {...t} label='价格上限（元，不超过100）' path='priceCap' k='priceCap' max={3} number />
      ) : (
        <Field label='什么服务' path='category' error={error}>
          <ChipPicker testId='draft-category' options={SERVICES.map((s) => ({ value: s, label: SKILL_LABELS[s] }))} value={[d.category]} onChange={([v]) => set({ category: v as Skill })} />
        </Field>
      )}
      <Text1 {...t} label='节日（如 六一、春节）' path='occasion' k='occasion' max={10} />
      <DateTime label='在哪天前' path='targetDate' at={d.targetAt} error={error} testId='draft-target' onChange={(targetAt) => set({ targetAt })} dateOnly />
      <Field label='网格' path='gridId' error={error}>
        <ChipPicker testId='draft-grid' options={grids} value={[d.gridId]} onChange={([v]) => set({ gridId: v })} />
      </Field>
      <Text1 {...t} label='分几份（几位捐赠人一起拼，1到10）' path='shares' k='shares' max={2} number />
      <Text1 {...t} label='交接地点' path='station' k='station' max={30} />
      <View className='h-title'>捐赠人看到的孩子</View>
      <Text1 {...t} label='化名（如 小星）' path='alias' k='alias' max={10} />
      <Field label='年龄段' path='ageBand' error={error}>
        <ChipPicker testId='draft-age' options={chips(AGE_BAND_LABELS)} value={[d.ageBand]} onChange={([v]) => set({ ageBand: v as AgeBand })} />
      </Field>
      <Text1 {...t} label='年级' path='grade' k='grade' max={10} />
    </>
  )
}

/** Who the child really is: staff only, never shown to a donor. */
export function RefFields({ d, set, error }: { d: Draft; set: (p: Partial<Draft>) => void; error: unknown }) {
  const t = { d, set, error }
  return (
    <View data-testid='draft-ref'>
      <View className='h-title'>孩子的真实信息（只有工作人员能看到）</View>
      <Text1 {...t} label='姓名' path='ref.name' k='name' max={20} />
      <Text1 {...t} label='电话（可不填）' path='ref.phone' k='phone' max={11} number />
      <Text1 {...t} label='住址' path='ref.address' k='address' max={60} />
      <Text1 {...t} label='监护人姓名' path='ref.guardian.name' k='guardianName' max={20} />
      <Text1 {...t} label='监护人电话' path='ref.guardian.phone' k='guardianPhone' max={11} number />
      <Text1 {...t} label='与孩子的关系（如 奶奶）' path='ref.guardian.relation' k='relation' max={10} />
    </View>
  )
}
