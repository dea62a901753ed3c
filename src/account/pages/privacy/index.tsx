import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PRIVACY_ITEMS, PRIVACY_RIGHTS, PRIVACY_UPDATED } from '@core/privacy/guide'
import { BigButton, Page } from '@/components'

/** 用户隐私保护指引, in plain words: what we keep, why, who sees it; how to see and delete it. */
export default function PrivacyPage() {
  return (
    <Page>
      <View className='card' data-testid='privacy-guide'>
        <Text className='h-title'>邻里帮隐私保护指引</Text>
        <View className='h-sub'>更新于 {PRIVACY_UPDATED}</View>
        {PRIVACY_ITEMS.map((i) => (
          <View key={i.what} className='privacy-item'>
            <View className='field-label'>{i.what}</View>
            <View>为什么要：{i.why}</View>
            <View className='h-sub'>谁能看到：{i.who}</View>
          </View>
        ))}
      </View>
      <View className='card'>
        <Text className='h-title'>您的权利</Text>
        {PRIVACY_RIGHTS.map((r) => (
          <View key={r}>{r}</View>
        ))}
      </View>
      <BigButton type='default' onClick={() => void Taro.navigateTo({ url: '/account/pages/data/index' })}>查看我的数据 · 注销账户</BigButton>
    </Page>
  )
}
