import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Field, FieldError, FormError, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { useServerForm } from '@/hooks/use-server-form'
import { shortTime } from '@/lib/time'
import { CATEGORY_GROUPS, CATEGORY_LABELS, DEFAULT_POINTS, type Category } from '@core/orders/categories'
import { labelled } from '@/lib/a11y'

const ALL = CATEGORY_GROUPS.flatMap((g) => g.items.map((c) => ({ c, label: g.items.length > 1 ? `${g.label} · ${CATEGORY_LABELS[c]}` : g.label })))

const LIMIT_FIELDS = [
  ['adjustLimit', '人工调整：单笔最多多少分不用审批'],
  ['adjustDailyLimit', '人工调整：每位工作人员每天累计最多多少分不用审批'],
  ['walkInLimit', '现场登记：每位工作人员每场活动最多登记几人'],
] as const

type RulesView = NonNullable<ReturnType<typeof useRulesQuery>['data']>
const useRulesQuery = (enabled: boolean) => useQuery(api.points.rules, {}, { enabled })

interface RulesForm {
  cat: Record<string, string>
  attendance: string
  cap: string
  limits: Record<(typeof LIMIT_FIELDS)[number][0], string>
}
const EMPTY: RulesForm = { cat: {}, attendance: '', cap: '', limits: { adjustLimit: '', adjustDailyLimit: '', walkInLimit: '' } }
const toForm = (r: RulesView): RulesForm => ({
  cat: Object.fromEntries(ALL.map(({ c }) => [c, String(r.categoryPoints[c] ?? DEFAULT_POINTS[c as Category])])),
  attendance: String(r.attendancePoints),
  cap: r.dailyCap === null ? '' : String(r.dailyCap),
  limits: { adjustLimit: String(r.adjustLimit), adjustDailyLimit: String(r.adjustDailyLimit), walkInLimit: String(r.walkInLimit) },
})
const FIELDS = ['categoryPoints', 'attendancePoints', 'dailyCap', ...LIMIT_FIELDS.map(([k]) => k)]

/** 管理员: 爱心银行 rules — points per service category, attendance points, daily cap, the limits on staff; expiry explained. */
export default function PointsRulesPage() {
  const me = useMe()
  const q = useRulesQuery(me.has('admin'))
  const save = useAction(api.points.setRules)
  const { form, edit, saved: handBack } = useServerForm(q.data, toForm, EMPTY)
  const [saved, setSaved] = useState(false)
  const submit = async () => {
    setSaved(false)
    const r = await save.run({
      categoryPoints: Object.fromEntries(Object.entries(form.cat).map(([c, v]) => [c, Number(v)])),
      attendancePoints: Number(form.attendance),
      dailyCap: form.cap.trim() === '' ? null : Number(form.cap),
      adjustLimit: Number(form.limits.adjustLimit),
      adjustDailyLimit: Number(form.limits.adjustDailyLimit),
      walkInLimit: Number(form.limits.walkInLimit),
    })
    if (!r) return
    setSaved(true)
    handBack()
  }
  return (
    <Page>
      <RoleGate me={me} roles={['admin']}>
        <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload}>
          <View className='card' data-testid='rules-form'>
            <Text className='h-title'>服务完成得积分（按类别）</Text>
            {ALL.map(({ c, label }) => (
              <View key={c}>
                <View className='row'>
                  <Text>{label}</Text>
                  <Input className='field-input' data-testid={`rule-${c}`} {...labelled(`${label}得积分`)} type='number' value={form.cat[c] ?? ''} onInput={(e) => edit((f) => ({ ...f, cat: { ...f.cat, [c]: e.detail.value } }))} />
                </View>
                <FieldError error={save.error} path={`categoryPoints.${c}`} />
              </View>
            ))}
            <Field label='参加活动签到得积分（发布活动时的默认值）' path='attendancePoints' error={save.error}>
              <Input className='field-input' data-testid='rule-attendance' type='number' value={form.attendance} onInput={(e) => edit((f) => ({ ...f, attendance: e.detail.value }))} />
            </Field>
            <Field label='每人每天最多得积分（空着 = 不限）' path='dailyCap' error={save.error}>
              <Input className='field-input' data-testid='rule-cap' type='number' value={form.cap} onInput={(e) => edit((f) => ({ ...f, cap: e.detail.value }))} />
            </Field>
            <View className='h-sub'>{q.data?.expiry}</View>
            <Text className='h-title'>防止多发、错发（超出的要另一位管理员批准）</Text>
            {q.data?.pendingLimits && (
              <View className='h-sub' data-testid='pending-limits'>
                调高的限额（单笔 {q.data.pendingLimits.adjustLimit} 分，每天 {q.data.pendingLimits.adjustDailyLimit} 分）将于 {shortTime(q.data.pendingLimits.effectiveAt)} 生效；调低的马上生效
              </View>
            )}
            {LIMIT_FIELDS.map(([key, label]) => (
              <Field key={key} label={label} path={key} error={save.error}>
                <Input className='field-input' data-testid={`rule-${key}`} type='number' value={form.limits[key]} onInput={(e) => edit((f) => ({ ...f, limits: { ...f.limits, [key]: e.detail.value } }))} />
              </Field>
            ))}
            <View className='h-sub'>保存后约半分钟内各处生效。</View>
            <FormError error={save.error} fields={FIELDS} testId='rules-error' />
            {saved && <View className='ok-text' data-testid='rules-saved'>已保存</View>}
            <BigButton onClick={() => void submit()} loading={save.pending}>保存规则</BigButton>
          </View>
        </StateView>
      </RoleGate>
    </Page>
  )
}
