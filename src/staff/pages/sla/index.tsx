import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import { CATEGORY_LABELS, categoryTitle, type Category } from '@core/orders/categories'
import type { SlaView } from '@core/orders/sla-schema'
import type { Stage } from '@core/orders/sla'
import { URGENCIES, URGENCY_LABELS, type Urgency } from '@core/orders/vocab'
import { SKILLS } from '@core/users/vocab'
import { api } from '@/api'
import { BigButton, ChipPicker, FieldError, FormError, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { useServerForm } from '@/hooks/use-server-form'
import '@/pages/order/parts/parts.scss'
import { labelled } from '@/lib/a11y'
import { shortTime } from '@/lib/time'

const STAGES: { id: Stage; label: string }[] = [
  { id: 'triage', label: '网格员分派' },
  { id: 'accept', label: '志愿者接单' },
  { id: 'serve', label: '上门服务' },
]
type Hours = Record<Urgency, Record<Stage, string>>
type Overrides = NonNullable<SlaView['byCategory']>

const toText = (sla: SlaView): Hours =>
  Object.fromEntries(URGENCIES.map((u) => [u, Object.fromEntries(STAGES.map((s) => [s.id, String(sla.byUrgency[u][s.id])]))])) as Hours

/** 超时时限: hours per stage and urgency (admins edit, 网格员 read), with per-category overrides. */
export default function SlaPage() {
  const me = useMe()
  const q = useQuery(api.orders.sla, {})
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload}>
          {q.data && <SlaForm sla={q.data} editable={me.has('admin')} onSaved={() => void q.reload()} />}
        </StateView>
      </RoleGate>
    </Page>
  )
}

const toForm = (sla: SlaView) => ({ hours: toText(sla), overrides: (sla.byCategory ?? {}) as Overrides })

function SlaForm({ sla, editable, onSaved }: { sla: SlaView; editable: boolean; onSaved: () => void }) {
  const { form, edit, saved } = useServerForm(sla, toForm, toForm(sla))
  const { hours, overrides } = form
  const setHours = (change: (h: Hours) => Hours) => edit((f) => ({ ...f, hours: change(f.hours) }))
  const setOverrides = (change: (o: Overrides) => Overrides) => edit((f) => ({ ...f, overrides: change(f.overrides) }))
  const save = useAction(api.orders.setSla)
  const submit = async () => {
    const byUrgency = Object.fromEntries(URGENCIES.map((u) => [u, Object.fromEntries(STAGES.map((s) => [s.id, Number(hours[u][s.id])]))])) as SlaView['byUrgency']
    if ((await save.run({ byUrgency, byCategory: overrides })) === undefined) return
    saved()
    onSaved()
  }
  return (
    <View className='card' data-testid='sla-form'>
      <View className='h-sub'>单子在每个阶段最多等几小时，超过就标为超时、排到派单队列最前。改动对之后进入新阶段的单子生效。</View>
      {URGENCIES.map((u) => (
        <View key={u} data-testid={`sla-${u}`}>
          <View className='field-label'>{URGENCY_LABELS[u]}的单子（小时）</View>
          {STAGES.map((s) => (
            <View key={s.id} className='row'>
              <View className='fact'>{s.label}</View>
              <Input
                className='field-input order-text sla-hours'
                type='number'
                data-testid={`sla-${u}-${s.id}`}
                {...labelled(`${URGENCY_LABELS[u]}的单子：${s.label}（小时）`)}
                disabled={!editable}
                value={hours[u][s.id]}
                onInput={(e) => setHours((h) => ({ ...h, [u]: { ...h[u], [s.id]: e.detail.value } }))}
              />
            </View>
          ))}
          {STAGES.map((s) => (
            <FieldError key={s.id} error={save.error} path={`byUrgency.${u}.${s.id}`} />
          ))}
        </View>
      ))}
      <View className='field-label'>按类别单独设置</View>
      {Object.entries(overrides).map(([c, byU]) => (
        <View key={c} className='fact' data-testid={`sla-override-${c}`}>
          {categoryTitle(c as Category)}：
          {Object.entries(byU ?? {})
            .map(([u, st]) => `${URGENCY_LABELS[u as Urgency]} ${STAGES.filter((s) => st?.[s.id]).map((s) => `${s.label}${st![s.id]}小时`).join('，')}`)
            .join('；')}
          {editable && (
            <View className='chip' onClick={() => setOverrides(({ [c as Category]: _gone, ...rest }) => rest)}>
              删除
            </View>
          )}
        </View>
      ))}
      {editable && <OverrideEditor onAdd={(c, u, st) => setOverrides((o) => ({ ...o, [c]: { ...o[c], [u]: st } }))} />}
      {editable ? (
        <BigButton loading={save.pending} onClick={() => void submit()}>
          保存
        </BigButton>
      ) : (
        <View className='h-sub'>只有管理员可以修改。</View>
      )}
      <FormError error={save.error} fields={['byUrgency']} testId='sla-error' />
      {sla.updatedAt && <View className='h-sub'>上次修改：{shortTime(sla.updatedAt)}</View>}
    </View>
  )
}

function OverrideEditor({ onAdd }: { onAdd: (c: Category, u: Urgency, stages: Partial<Record<Stage, number>>) => void }) {
  const [category, setCategory] = useState<Category>('legal')
  const [urgency, setUrgency] = useState<Urgency>('normal')
  const [text, setText] = useState<Record<Stage, string>>({ triage: '', accept: '', serve: '' })
  const stages = Object.fromEntries(STAGES.filter((s) => text[s.id].trim()).map((s) => [s.id, Number(text[s.id])]))
  return (
    <View data-testid='sla-override-editor'>
      <ChipPicker options={SKILLS.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} value={[category]} onChange={([c]) => setCategory(c as Category)} />
      <ChipPicker options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} value={[urgency]} onChange={([u]) => setUrgency(u as Urgency)} />
      {STAGES.map((s) => (
        <View key={s.id} className='row'>
          <View className='fact'>{s.label}</View>
          <Input className='field-input order-text sla-hours' type='number' placeholder='不单独设' {...labelled(`${s.label}（小时）`)} value={text[s.id]} onInput={(e) => setText((t) => ({ ...t, [s.id]: e.detail.value }))} />
        </View>
      ))}
      <View className='chip' data-testid='sla-override-add' onClick={() => Object.keys(stages).length && onAdd(category, urgency, stages)}>
        加入这条类别设置
      </View>
    </View>
  )
}
