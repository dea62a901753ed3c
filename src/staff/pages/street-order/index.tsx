import { useRouter } from '@tarojs/taro'
import { api } from '@/api'
import { FormError, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { OrderFacts, Timeline } from '@/pages/order/parts/order-detail'
import { NoteForm } from '@/pages/order/parts/note-form'
import { StreetAnswer } from '../../parts/street-case'

/** 街道管理员: one 大事 a community sent up — read it (no phone number) and answer; the community follows it to the end. */
export default function StreetOrder() {
  const id = useRouter().params.id ?? ''
  const me = useMe()
  const q = useQuery(api.orders.get, { orderId: id })
  const reply = useAction(api.orders.streetReply)
  return (
    <Page>
      <RoleGate me={me} roles={['street_admin']}>
        <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload}>
          {q.data && (
            <>
              <OrderFacts o={q.data} />
              <StreetAnswer street={q.data.street} />
              {q.data.status === 'escalated' && q.data.street && (
                <NoteForm label={q.data.street.answeredAt ? '补充答复' : '答复'} submit='答复社区' pending={reply.pending} testId='street-reply' onSubmit={async (note) => void (await reply.run({ orderId: id, note }))} />
              )}
              <FormError error={reply.error} />
              <Timeline o={q.data} />
            </>
          )}
        </StateView>
      </RoleGate>
    </Page>
  )
}
