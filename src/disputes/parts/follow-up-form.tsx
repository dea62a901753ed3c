import { useState } from 'react'
import { View, Textarea } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'

type Performed = 'yes' | 'no' | 'none'

/** Staff: the 回访 (ask the parties: was it done, are they satisfied, what is left), which closes the case. */
export function FollowUpForm({ disputeId, agreed, onDone }: { disputeId: string; agreed: boolean; onDone: () => Promise<void> }) {
  const followUp = useAction(api.disputes.followUp)
  const [performed, setPerformed] = useState<Performed>(agreed ? 'yes' : 'none')
  const [satisfied, setSatisfied] = useState<'' | 'yes' | 'no'>('')
  const [remaining, setRemaining] = useState('')
  const submit = async () => {
    if (!(await confirmFirst('回访后结案？', '结案后这件案子就办完了，不能再改。', '结案'))) return
    const r = await followUp.run({ disputeId, performed: performed === 'none' ? null : performed === 'yes', satisfied: satisfied === 'yes', remaining: remaining || undefined })
    if (r) await onDone()
  }
  return (
    <View className='card' data-testid='follow-up-form'>
      <View className='h-title'>回访</View>
      {agreed && (
        <Field label='协议履行了吗' path='performed' error={followUp.error}>
          <ChipPicker testId='follow-up-performed' options={[{ value: 'yes', label: '履行了' }, { value: 'no', label: '没有履行' }]} value={[performed]} onChange={([v]) => setPerformed(v as Performed)} />
        </Field>
      )}
      <Field label='当事人满意吗' path='satisfied' error={followUp.error}>
        <ChipPicker testId='follow-up-satisfied' options={[{ value: 'yes', label: '满意' }, { value: 'no', label: '不满意' }]} value={[satisfied]} onChange={([v]) => setSatisfied(v as 'yes' | 'no')} />
      </Field>
      <Field label='还有什么没解决（没有可不填）' path='remaining' error={followUp.error}>
        <Textarea className='field-input field-textarea order-text' data-testid='follow-up-remaining' value={remaining} maxlength={200} onInput={(e) => setRemaining(e.detail.value)} />
      </Field>
      <FormError error={followUp.error} fields={['performed', 'satisfied', 'remaining']} />
      <BigButton disabled={!satisfied} loading={followUp.pending} onClick={() => void submit()}>回访完成，结案</BigButton>
    </View>
  )
}
