import { useRouter } from '@tarojs/taro'
import { Page, RoleGate } from '@/components'
import { useMe } from '@/hooks/use-me'
import { EditEvent } from './edit-event'
import { NewEvent } from './new-event'
import './index.scss'

/** 网格员 / 管理员: publish an event (no id), or change or cancel one (?id=). */
export default function PublishPage() {
  const { id, giftId } = useRouter().params
  const me = useMe()
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>{id ? <EditEvent id={id} /> : <NewEvent isAdmin={me.has('admin')} giftId={giftId ?? ''} />}</RoleGate>
    </Page>
  )
}
