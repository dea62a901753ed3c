import { useState } from 'react'
import { View, Input, Textarea } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { useMe } from '@/hooks/use-me'
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES } from '@core/disputes/vocab'
import type { DisputeView } from '@core/disputes/contract'
import { NeighbourFields, NO_NEIGHBOUR } from '../../council/parts/neighbour-fields'
import { NO_OTHER, OtherPartyFields, othersOf, phoneOrNot } from './other-party'

export type Category = keyof typeof DISPUTE_CATEGORIES
type Source = keyof typeof DISPUTE_SOURCES
export const chips = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))
const EMPTY = { category: '' as Category | '', title: '', detail: '', source: 'applied' as Source, proxy: false, nb: NO_NEIGHBOUR, nbPhone: '', other: NO_OTHER }

/** 申请调解: what happened and with whom; a 楼栋长 or 网格员 may apply for a neighbour without a phone. */
export function ReportForm({ onReported }: { onReported: (d: DisputeView) => void }) {
  const me = useMe()
  const report = useAction(api.disputes.report)
  const [f, setF] = useState(EMPTY)
  const set = (p: Partial<typeof EMPTY>) => setF((x) => ({ ...x, ...p }))
  const canProxy = me.has('building_lead', 'staff', 'admin')
  const isStaff = me.has('staff', 'admin')
  const submit = async () => {
    const onBehalfOf = f.proxy ? { name: f.nb.name, phone: phoneOrNot(f.nbPhone), buildingId: f.nb.buildingId, room: f.nb.room } : undefined
    const r = await report.run({ category: f.category as Category, title: f.title, detail: f.detail, source: isStaff ? f.source : undefined, onBehalfOf, others: othersOf(f.other) })
    if (r) onReported(r)
  }
  return (
    <View className='card' data-testid='report-form'>
      {canProxy && (
        <ChipPicker testId='report-proxy' options={[{ value: 'self', label: '我自己申请' }, { value: 'proxy', label: '替邻居申请' }]} value={[f.proxy ? 'proxy' : 'self']} onChange={([v]) => set({ proxy: v === 'proxy' })} />
      )}
      {f.proxy && (
        <>
          <NeighbourFields value={f.nb} onChange={(nb) => set({ nb })} path='onBehalfOf' error={report.error} testId='report-neighbour' />
          <Field label='邻居的电话（没有可不填）' path='onBehalfOf.phone' error={report.error}>
            <Input className='field-input order-text' type='number' data-testid='neighbour-phone' value={f.nbPhone} maxlength={11} onInput={(e) => set({ nbPhone: e.detail.value })} />
          </Field>
        </>
      )}
      <Field label='是什么纠纷' path='category' error={report.error}>
        <ChipPicker testId='report-category' options={chips(DISPUTE_CATEGORIES)} value={[f.category]} onChange={([v]) => set({ category: v as Category })} />
      </Field>
      <Field label='一句话说说' path='title' error={report.error}>
        <Input className='field-input order-text' data-testid='report-title' value={f.title} maxlength={30} placeholder='例如：楼上卫生间漏水到我家' onInput={(e) => set({ title: e.detail.value })} />
      </Field>
      <Field label='经过' path='detail' error={report.error} count={[f.detail.length, 500]}>
        <Textarea className='field-input field-textarea order-text' data-testid='report-detail' value={f.detail} maxlength={500} placeholder='什么时候开始的，找过谁，希望怎么解决' onInput={(e) => set({ detail: e.detail.value })} />
      </Field>
      <OtherPartyFields value={f.other} onChange={(other) => set({ other })} error={report.error} />
      {isStaff && (
        <Field label='来源' path='source' error={report.error}>
          <ChipPicker testId='report-source' options={chips(DISPUTE_SOURCES)} value={[f.source]} onChange={([v]) => set({ source: v as Source })} />
        </Field>
      )}
      <FormError error={report.error} fields={['category', 'title', 'detail', 'others', 'onBehalfOf', 'source']} testId='report-error' note='（已为您保留填写的内容）' />
      <BigButton onClick={submit} loading={report.pending}>提交调解申请</BigButton>
    </View>
  )
}
