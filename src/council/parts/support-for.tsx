import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Field, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { NeighbourFields, NO_NEIGHBOUR } from './neighbour-fields'

/** A 楼栋长 supports for an elder without the app who asked them to (name, address, why): recorded, and limited per session. */
export function SupportForElder({ topicId, onDone }: { topicId: string; onDone: () => Promise<void> }) {
  const supportFor = useAction(api.council.supportFor)
  const [elder, setElder] = useState(NO_NEIGHBOUR)
  const [reason, setReason] = useState('')
  const [left, setLeft] = useState<number>()
  return (
    <View className='card' data-testid='support-for'>
      <View className='h-title'>替没有手机的老人附议</View>
      <NeighbourFields value={elder} onChange={setElder} path='elder' error={supportFor.error} testId='elder-form' />
      <Field label='理由（例如：老人托我附议）' path='reason' error={supportFor.error}>
        <Input className='field-input order-text' data-testid='support-for-reason' value={reason} maxlength={60} onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <FormError error={supportFor.error} fields={['elder', 'reason']} />
      {left !== undefined && <View className='ok-text' data-testid='support-for-done'>已替老人附议</View>}
      <BigButton
        type='default'
        loading={supportFor.pending}
        onClick={async () => {
          const r = await supportFor.run({ topicId, elder, reason })
          if (!r) return
          setLeft(r.left)
          setElder(NO_NEIGHBOUR)
          setReason('')
          await onDone()
        }}
      >
        替老人附议
      </BigButton>
    </View>
  )
}
