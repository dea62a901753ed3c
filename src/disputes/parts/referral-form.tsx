import { useState } from 'react'
import { View } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { DISPUTE_CATEGORIES } from '@core/disputes/vocab'
import type { DisputeView } from '@core/disputes/contract'
import { chips, type Category } from './report-form'
import { NO_OTHER, OtherPartyFields, othersOf } from './other-party'

/** Staff: a 私事 order or a declined 议题 becomes a case — the kind of dispute and the other side; its applicant and text come with it. */
export function ReferralForm({ from, id, onTaken }: { from: 'order' | 'topic'; id: string; onTaken: (d: DisputeView) => void }) {
  const take = useAction(api.disputes.takeReferral)
  const [category, setCategory] = useState<Category | ''>('')
  const [other, setOther] = useState(NO_OTHER)
  const submit = async () => {
    const r = await take.run({ from, id, category: category as Category, others: othersOf(other) })
    if (r) onTaken(r)
  }
  return (
    <View className='card' data-testid='referral-form'>
      <View className='h-title'>{from === 'order' ? '把这张服务单转为调解案子' : '把这个议题转为调解案子'}</View>
      <Field label='是什么纠纷' path='category' error={take.error}>
        <ChipPicker testId='referral-category' options={chips(DISPUTE_CATEGORIES)} value={[category]} onChange={([v]) => setCategory(v as Category)} />
      </Field>
      <OtherPartyFields value={other} onChange={setOther} error={take.error} />
      <FormError error={take.error} fields={['category', 'others']} />
      <BigButton onClick={() => void submit()} loading={take.pending}>转为调解案子</BigButton>
    </View>
  )
}
