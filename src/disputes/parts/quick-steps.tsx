import { View } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import { AskFirstButton } from '@/components/ask-first'

type Done = () => Promise<void>

/** Staff: 受理 (one tap; the parties are told). */
export function AcceptStep({ disputeId, onDone }: { disputeId: string; onDone: Done }) {
  const accept = useAction(api.disputes.accept)
  return (
    <View className='card' data-testid='accept-step'>
      <BigButton loading={accept.pending} onClick={async () => (await accept.run({ disputeId })) && onDone()}>受理，安排调解</BigButton>
      <FormError error={accept.error} />
    </View>
  )
}

/** Staff or the mediator: was the agreement performed by its date? */
export function PerformanceStep({ disputeId, onDone }: { disputeId: string; onDone: Done }) {
  const performance = useAction(api.disputes.performance)
  const answer = async (fulfilled: boolean) => {
    if (!(await confirmFirst(fulfilled ? '协议履行了？' : '协议没有履行？', fulfilled ? '记下后等回访结案。' : '记下后可以重新调解，或者移交出去。', '记下'))) return
    if (await performance.run({ disputeId, fulfilled })) await onDone()
  }
  return (
    <View className='card' data-testid='performance-step'>
      <View className='h-title'>协议履行了吗</View>
      <BigButton type='success' loading={performance.pending} onClick={() => void answer(true)}>履行了</BigButton>
      <BigButton type='default' loading={performance.pending} onClick={() => void answer(false)}>没有履行</BigButton>
      <FormError error={performance.error} />
    </View>
  )
}

/** The reporter: take the application back (before an agreement). */
export function WithdrawStep({ disputeId, onDone }: { disputeId: string; onDone: Done }) {
  const withdraw = useAction(api.disputes.withdraw)
  const ask: [string, string, string] = ['撤回调解申请？', '撤回后这件案子就不再调解了，不能恢复。', '撤回']
  return <AskFirstButton label='撤回调解申请' ask={ask} pending={withdraw.pending} error={withdraw.error} run={async () => (await withdraw.run({ disputeId })) && onDone()} />
}
