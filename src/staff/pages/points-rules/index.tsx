import { useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { shortTime } from '@/lib/dayjs'
import { CATEGORY_GROUPS, CATEGORY_LABELS, DEFAULT_POINTS, type Category } from '@core/orders/categories'

const ALL = CATEGORY_GROUPS.flatMap((g) => g.items.map((c) => ({ c, label: g.items.length > 1 ? `${g.label} · ${CATEGORY_LABELS[c]}` : g.label })))

const LIMIT_FIELDS = [
  ['adjustLimit', '人工调整：单笔最多多少分不用审批'],
  ['adjustDailyLimit', '人工调整：每位工作人员每天累计最多多少分不用审批'],
  ['walkInLimit', '现场登记：每位工作人员每场活动最多登记几人'],
] as const

/** 管理员: 爱心银行 rules — points per service category, attendance points, daily cap, the limits on staff; expiry explained. */
export default function PointsRulesPage() {
  const me = useMe()
  const q = useQuery(api.points.rules, {}, { enabled: me.has('admin') })
  const save = useAction(api.points.setRules)
  const [cat, setCat] = useState<Record<string, string>>({})
  const [attendance, setAttendance] = useState('')
  const [cap, setCap] = useState('')
  const [limits, setLimits] = useState({ adjustLimit: '', adjustDailyLimit: '', walkInLimit: '' })
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    if (!q.data) return
    setCat(Object.fromEntries(ALL.map(({ c }) => [c, String(q.data!.categoryPoints[c] ?? DEFAULT_POINTS[c as Category])])))
    setAttendance(String(q.data.attendancePoints))
    setCap(q.data.dailyCap === null ? '' : String(q.data.dailyCap))
    setLimits({ adjustLimit: String(q.data.adjustLimit), adjustDailyLimit: String(q.data.adjustDailyLimit), walkInLimit: String(q.data.walkInLimit) })
  }, [q.data])
  const submit = async () => {
    setSaved(false)
    const r = await save.run({
      categoryPoints: Object.fromEntries(Object.entries(cat).map(([c, v]) => [c, Number(v)])),
      attendancePoints: Number(attendance),
      dailyCap: cap.trim() === '' ? null : Number(cap),
      adjustLimit: Number(limits.adjustLimit),
      adjustDailyLimit: Number(limits.adjustDailyLimit),
      walkInLimit: Number(limits.walkInLimit),
    })
    if (r) setSaved(true)
  }
  return (
    <Page>
      <RoleGate me={me} roles={['admin']}>
        <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload}>
          <View className='card' data-testid='rules-form'>
            <Text className='h-title'>服务完成得积分（按类别）</Text>
            {ALL.map(({ c, label }) => (
              <View key={c} className='row'>
                <Text>{label}</Text>
                <Input className='field-input' data-testid={`rule-${c}`} type='number' value={cat[c] ?? ''} onInput={(e) => setCat({ ...cat, [c]: e.detail.value })} />
              </View>
            ))}
            <View className='field-label'>参加活动签到得积分（发布活动时的默认值）</View>
            <Input className='field-input' data-testid='rule-attendance' type='number' value={attendance} onInput={(e) => setAttendance(e.detail.value)} />
            <View className='field-label'>每人每天最多得积分（空着 = 不限）</View>
            <Input className='field-input' data-testid='rule-cap' type='number' value={cap} onInput={(e) => setCap(e.detail.value)} />
            <View className='h-sub'>{q.data?.expiry}</View>
            <Text className='h-title'>防止多发、错发（超出的要另一位管理员批准）</Text>
            {q.data?.pendingLimits && (
              <View className='h-sub' data-testid='pending-limits'>
                调高的限额（单笔 {q.data.pendingLimits.adjustLimit} 分，每天 {q.data.pendingLimits.adjustDailyLimit} 分）将于 {shortTime(q.data.pendingLimits.effectiveAt)} 生效；调低的马上生效
              </View>
            )}
            {LIMIT_FIELDS.map(([key, label]) => (
              <View key={key}>
                <View className='field-label'>{label}</View>
                <Input className='field-input' data-testid={`rule-${key}`} type='number' value={limits[key]} onInput={(e) => setLimits({ ...limits, [key]: e.detail.value })} />
              </View>
            ))}
            <View className='h-sub'>保存后约半分钟内各处生效。</View>
            {save.error && <View className='error-text'>{save.error.message}</View>}
            {saved && <View className='ok-text' data-testid='rules-saved'>已保存</View>}
            <BigButton onClick={() => void submit()} loading={save.pending}>保存规则</BigButton>
          </View>
        </StateView>
      </RoleGate>
    </Page>
  )
}
