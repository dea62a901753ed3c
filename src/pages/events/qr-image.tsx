import { useMemo } from 'react'
import { Image, View } from '@tarojs/components'
import { qrDataUrl } from './qr-png'

/** A QR image of `text` made on the phone (H5 and weapp alike), with the typable code under it. */
export function QrImage({ text, caption, testId, size = 180 }: { text: string; caption?: string; testId?: string; size?: number }) {
  const src = useMemo(() => qrDataUrl(text), [text])
  return (
    <View className='qr-box' data-testid={testId} style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', margin: '12px 0' }}>
      <Image src={src} mode='aspectFit' style={{ width: `${size}px`, height: `${size}px` }} ariaLabel={caption ? `二维码：${caption}` : '二维码'} />
      {caption && <View className='h-title'>{caption}</View>}
    </View>
  )
}
