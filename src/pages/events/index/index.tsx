import { useState } from 'react'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, ChipPicker, Page, PagedList } from '@/components'
import { useMe } from '@/hooks/use-me'
import { usePaged } from '@/hooks/use-paged'
import { EventCard } from '../parts'

const TABS = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'mine', label: '我报名的' },
  { value: 'past', label: '往期' },
] as const
type Tab = (typeof TABS)[number]['value']

/** 活动报名: upcoming / mine / past; staff also get 发布活动. */
export default function EventsPage() {
  const me = useMe()
  const [tab, setTab] = useState<Tab>('upcoming')
  const list = usePaged(api.events.list, { tab, limit: 10 }, { idOf: (e) => e.id })
  useShareAppMessage(() => ({ title: '社区活动，一起来报名', path: '/pages/events/index/index' }))
  return (
    <Page>
      {me.has('staff', 'admin') && (
        <BigButton onClick={() => void Taro.navigateTo({ url: '/staff/pages/event-publish/index' })}>发布活动</BigButton>
      )}
      <ChipPicker testId='event-tabs' options={TABS} value={[tab]} onChange={([t]) => setTab(t as Tab)} />
      <PagedList list={list} emptyText='暂时没有活动'>
        {list.items.map((e) => (
          <EventCard key={e.id} e={e} />
        ))}
      </PagedList>
    </Page>
  )
}
