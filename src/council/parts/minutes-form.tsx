import { useState } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { useMe, useStructure } from '@/hooks/use-me'
import { allBuildings } from '@/lib/address'
import { chinaDay } from '@core/china-time'
import { SKILL_LABELS, type Skill } from '@core/users/vocab'
import type { TopicView } from '@core/council/contract'
import './council.scss'

type Kind = 'none' | 'orders' | 'rule' | 'escalate'
const KINDS = [
  { value: 'none', label: '不用办事' },
  { value: 'orders', label: '派服务单' },
  { value: 'rule', label: '写进公约' },
  { value: 'escalate', label: '上报街道' },
]
interface Row {
  summary: string
  outcome: 'decided' | 'deferred'
  decision: string
  dissent: string
  kind: Kind
  title: string
  category: string
  buildingId: string
  points: string
  count: string
  due: string
}
const blank = (): Row => ({ summary: '', outcome: 'decided', decision: '', dissent: '', kind: 'none', title: '', category: '', buildingId: '', points: '10', count: '1', due: chinaDay(Date.now() + 30 * 86_400_000) })

/** The host's minutes: per topic on the agenda, what was said, decided or deferred, and what is to be done by whom. */
export function MinutesForm({ sessionId, topics, onSaved }: { sessionId: string; topics: TopicView[]; onSaved: () => Promise<void> }) {
  const me = useMe()
  const structure = useStructure()
  const record = useAction(api.council.recordMinutes)
  const [rows, setRows] = useState<Record<string, Row>>({})
  const row = (id: string) => rows[id] ?? blank()
  const set = (id: string, p: Partial<Row>) => setRows((x) => ({ ...x, [id]: { ...row(id), ...p } }))
  const owner = me.data?.profile?.openid ?? ''
  const buildings = allBuildings(structure.data).map((b) => ({ value: b.id, label: b.name }))
  const actionOf = (r: Row) => {
    const base = { title: r.title, owner, due: r.due }
    if (r.kind === 'orders') return [{ kind: 'orders' as const, ...base, category: r.category as Skill, buildingId: r.buildingId, points: Number(r.points), count: Number(r.count) }]
    return r.kind === 'none' ? [] : [{ kind: r.kind, ...base }]
  }
  const save = async () => {
    const items = topics.map((t) => {
      const r = row(t._id)
      return { topicId: t._id, summary: r.summary, outcome: r.outcome, decision: r.decision || undefined, dissent: r.dissent || undefined, actions: actionOf(r) }
    })
    if (await record.run({ sessionId, items })) await onSaved()
  }
  const text = (id: string, key: 'summary' | 'decision' | 'dissent' | 'title', label: string, path: string, max: number) => (
    <Field label={label} path={path} error={record.error}>
      {key === 'title' ? (
        <Input className='field-input order-text' data-testid={`m-${key}-${id}`} value={row(id)[key]} maxlength={max} onInput={(e) => set(id, { [key]: e.detail.value })} />
      ) : (
        <Textarea className='field-input field-textarea order-text' data-testid={`m-${key}-${id}`} value={row(id)[key]} maxlength={max} onInput={(e) => set(id, { [key]: e.detail.value })} />
      )}
    </Field>
  )
  return (
    <View className='card' data-testid='minutes-form'>
      <Text className='h-title'>记会议纪要</Text>
      {topics.map((t, i) => {
        const r = row(t._id)
        const at = `items.${i}`
        return (
          <View key={t._id} data-testid={`m-item-${t._id}`}>
            <View className='home-section'>{t.title}</View>
            {text(t._id, 'summary', '讨论情况', `${at}.summary`, 500)}
            <ChipPicker testId={`m-outcome-${t._id}`} options={[{ value: 'decided', label: '形成决议' }, { value: 'deferred', label: '暂缓，下次再议' }]} value={[r.outcome]} onChange={([o]) => set(t._id, { outcome: o as Row['outcome'] })} />
            {r.outcome === 'decided' && (
              <>
                {text(t._id, 'decision', '决议', `${at}.decision`, 300)}
                {text(t._id, 'dissent', '不同意见（没有可不填）', `${at}.dissent`, 300)}
                <Field label='决议要怎么落实' path={`${at}.actions`} error={record.error}>
                  <ChipPicker testId={`m-kind-${t._id}`} options={KINDS} value={[r.kind]} onChange={([k]) => set(t._id, { kind: k as Kind })} />
                </Field>
                {r.kind !== 'none' && (
                  <>
                    {text(t._id, 'title', '要办的事', `${at}.actions.0.title`, 30)}
                    <Field label='完成日期（例如 2027-01-31）' path={`${at}.actions.0.due`} error={record.error}>
                      <Input className='field-input order-text' data-testid={`m-due-${t._id}`} value={r.due} maxlength={10} onInput={(e) => set(t._id, { due: e.detail.value })} />
                    </Field>
                  </>
                )}
                {r.kind === 'orders' && (
                  <>
                    <Field label='服务类别' path={`${at}.actions.0.category`} error={record.error}>
                      <ChipPicker testId={`m-category-${t._id}`} options={Object.entries(SKILL_LABELS).map(([value, label]) => ({ value, label }))} value={[r.category]} onChange={([c]) => set(t._id, { category: c })} />
                    </Field>
                    <Field label='在哪栋楼' path={`${at}.actions.0.buildingId`} error={record.error}>
                      <ChipPicker testId={`m-building-${t._id}`} options={buildings} value={[r.buildingId]} onChange={([b]) => set(t._id, { buildingId: b })} />
                    </Field>
                    <Field label='派几单' path={`${at}.actions.0.count`} error={record.error}>
                      <Input className='field-input order-text' type='number' data-testid={`m-count-${t._id}`} value={r.count} maxlength={2} onInput={(e) => set(t._id, { count: e.detail.value })} />
                    </Field>
                    <Field label='每单积分' path={`${at}.actions.0.points`} error={record.error}>
                      <Input className='field-input order-text' type='number' data-testid={`m-points-${t._id}`} value={r.points} maxlength={3} onInput={(e) => set(t._id, { points: e.detail.value })} />
                    </Field>
                  </>
                )}
              </>
            )}
          </View>
        )
      })}
      <FormError error={record.error} fields={['items']} testId='minutes-error' note='（已为您保留填写的内容）' />
      <BigButton onClick={save} loading={record.pending}>保存纪要草稿</BigButton>
    </View>
  )
}
