import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '@/api'
import { ChipPicker, FormError, PagedList, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { usePaged } from '@/hooks/use-paged'
import { useAction, useQuery } from '@/hooks/use-query'
import { StreetCaseCard } from '../../parts/street-case'
import { communityName } from '../../lib/places'

/**
 * 街道管理员's home: the street's communities (each opens that community's queue, read-only, no
 * phone numbers) and the 大事 the communities sent up, unanswered first, with their clocks.
 */
export default function StreetHome() {
  const me = useMe()
  const streets = useQuery(api.community.streets, {})
  const [only, setOnly] = useState('')
  const queue = usePaged(api.orders.streetQueue, only ? { limit: 20, communityId: only } : { limit: 20 })
  const actIn = useAction(api.users.actIn)
  const street = streets.data?.streets.find((s) => s.id === me.data?.place?.streetId)
  const look = async (communityId: string) => {
    if (await actIn.run({ communityId })) void Taro.navigateTo({ url: '/staff/pages/triage/index' })
  }
  return (
    <Page>
      <RoleGate me={me} roles={['street_admin']}>
        <StateView loading={streets.loading} hasData={!!street} error={streets.error} onRetry={streets.reload}>
          <View className='home-section'>{street?.name} · 下属社区</View>
          <View data-testid='street-communities'>
            {street?.communities.map((c) => (
              <View key={c.id} className='card row' data-testid={`street-community-${c.id}`} onClick={() => void look(c.id)}>
                <Text>{c.name}</Text>
                <Text className='h-sub'>看派单（只读）›</Text>
              </View>
            ))}
          </View>
          <FormError error={actIn.error} />
          <View className='home-section'>社区上报街道的大事</View>
          <ChipPicker
            testId='street-filter'
            options={[{ value: '', label: '全部社区' }, ...(street?.communities ?? []).map((c) => ({ value: c.id, label: c.name }))]}
            value={[only]}
            onChange={([v]) => setOnly(v)}
          />
        </StateView>
        <PagedList list={queue} emptyText='没有上报街道的大事'>
          <View data-testid='street-queue'>
            {queue.items.map((o) => (
              <StreetCaseCard key={o._id} o={o} community={communityName(streets.data?.streets, o.communityId)} onOpen={() => void Taro.navigateTo({ url: `/staff/pages/street-order/index?id=${o._id}` })} />
            ))}
          </View>
        </PagedList>
      </RoleGate>
    </Page>
  )
}
