import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { roleOf } from '@/lib/a11y'
import './index.scss'

export interface TileProps {
  title: string
  desc: string
  /** One big character in a coloured circle (no emoji: not every phone renders them). */
  mark: string
  color: string
  /** Page to open; undefined = the feature is not open yet (shows 即将开放). */
  url?: string
  wide?: boolean
  testId?: string
}

/** A big home-screen entry: one tap opens the page. */
export function Tile({ title, desc, mark, color, url, wide, testId }: TileProps) {
  const soon = !url
  const open = () => {
    if (url) void Taro.navigateTo({ url })
    else void Taro.showToast({ title: `${title}即将开放`, icon: 'none' })
  }
  return (
    <View
      className={['tile', wide ? 'tile--wide' : '', soon ? 'tile--soon' : ''].join(' ')}
      onClick={open}
      data-testid={testId}
      {...roleOf('button')}
    >
      <View className='tile__mark' style={{ background: color }}>
        {mark}
      </View>
      <Text className='tile__title'>{title}</Text>
      <Text className='tile__desc'>{soon ? '即将开放' : desc}</Text>
    </View>
  )
}
