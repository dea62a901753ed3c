import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useQuery } from '@/hooks/use-query'
import { native } from '@/lib/a11y'
import { dateLabel, toPicked } from '@core/events/times'

/** Save the code image to the phone's album, to print or send to the print shop. */
async function saveToAlbum(url: string): Promise<string> {
  try {
    const { tempFilePath } = await Taro.downloadFile({ url })
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
    return '已保存到相册，可以打印出来贴到公告栏'
  } catch (err) {
    const msg = String((err as { errMsg?: string })?.errMsg)
    if (/cancel/.test(msg)) return ''
    return /auth|privacy/.test(msg) ? '没有保存：请在右上角「…」→ 设置里允许保存到相册' : '没有保存成功，请稍后再试'
  }
}

/**
 * 活动海报码: the event's name, time and place in large print with its mini-program code; residents
 * scan it on the notice board and land on the event page, ready to sign up.
 */
export default function EventPosterPage() {
  const id = useRouter().params.id ?? ''
  const me = useMe()
  const staff = me.has('staff', 'admin') && !!id
  const e = useQuery(api.events.detail, { eventId: id }, { enabled: !!id }).data
  const code = useQuery(api.events.poster, { eventId: id }, { enabled: staff })
  const [note, setNote] = useState('')
  const when = e && toPicked(e.startAt)
  if (!id) return <Page><View className='card' data-testid='no-such-event'>没有找到这个活动，请从活动页点「海报小程序码」进来</View></Page>
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        <StateView loading={code.loading} hasData={!!code.data && !!e} error={code.error} onRetry={code.reload}>
          {e && code.data && when && (
            <View className='card' data-testid='poster' style={{ textAlign: 'center' }}>
              <Text className='h-title'>{e.title}</Text>
              <View className='h-title'>{dateLabel(when.date)} {when.time}</View>
              <View>{e.place}</View>
              <Image src={code.data.url} mode='aspectFit' style={{ width: '240px', height: '240px' }} data-testid='poster-code' ariaLabel={`「${e.title}」的小程序码`} {...native({ alt: `「${e.title}」的小程序码` })} />
              <View>微信扫一扫，看详情、报名</View>
            </View>
          )}
          {code.data && process.env.TARO_ENV === 'weapp' && <BigButton onClick={() => void saveToAlbum(code.data!.url).then(setNote)}>保存到手机相册</BigButton>}
          {code.data && process.env.TARO_ENV === 'h5' && <View className='h-sub'>在图片上长按或点右键，即可保存</View>}
          {note && <View className='h-sub' data-testid='poster-note'>{note}</View>}
        </StateView>
      </RoleGate>
    </Page>
  )
}
