import { useMemo } from 'react'
import { Image, View } from '@tarojs/components'
import { native } from '@/lib/a11y'
import { qrDataUrl } from './qr-png'

interface Props {
  text: string
  /** what the image is, for a screen reader: '我的签到码，给工作人员扫' */
  alt: string
  /** the code to read out or type, under the image */
  caption?: string
  testId?: string
  size?: number
}

/** A QR image of `text` made on the phone (H5 and weapp alike), with the typable code under it. */
export function QrImage({ text, alt, caption, testId, size = 180 }: Props) {
  const src = useMemo(() => qrDataUrl(text), [text])
  return (
    <View className='qr-box' data-testid={testId} style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', margin: '12px 0' }}>
      <Image src={src} mode='aspectFit' style={{ width: `${size}px`, height: `${size}px` }} ariaLabel={alt} {...native({ alt })} />
      {caption && <View className='h-title'>{caption}</View>}
    </View>
  )
}
