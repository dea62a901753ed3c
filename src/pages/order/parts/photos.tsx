import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Image } from '@tarojs/components'
import { choosePhotos, MAX_PHOTOS, uploadPhoto } from './upload'
import './parts.scss'

export interface Photo {
  fileId: string
  /** Local preview (the chosen image's temp path). */
  preview: string
}

interface PickerProps {
  value: Photo[]
  onChange: (photos: Photo[]) => void
  testId?: string
  /** Storage folder the action accepts (orders/ by default) and how many photos. */
  folder?: string
  max?: number
}

/** 加照片: choose → upload each to cloud storage → thumbnails with 删除. Up to 3. */
export function PhotoPicker({ value, onChange, testId = 'photo-picker', folder = 'orders', max = MAX_PHOTOS }: PickerProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const add = async () => {
    setError('')
    const paths = await choosePhotos(max - value.length)
    if (!paths.length) return
    setBusy(true)
    try {
      const added = await Promise.all(paths.map(async (p) => ({ fileId: await uploadPhoto(p, folder), preview: p })))
      onChange([...value, ...added].slice(0, max))
    } catch {
      setError('照片没传上去，请再试一次')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='photos' data-testid={testId} data-count={value.length}>
      {value.map((p) => (
        <View key={p.fileId} className='photos__item'>
          <Image className='photos__img' src={p.preview} mode='aspectFill' />
          <View className='photos__remove' onClick={() => onChange(value.filter((x) => x.fileId !== p.fileId))}>
            删除
          </View>
        </View>
      ))}
      {value.length < max && (
        <View className='photos__add' data-testid={`${testId}-add`} onClick={() => !busy && void add()}>
          {busy ? '上传中…' : '＋ 照片'}
        </View>
      )}
      {error && <View className='error-text'>{error}</View>}
    </View>
  )
}

/** Photos of an order (temp URLs from orders.get); tap to see them large. */
export function PhotoStrip({ ids, urls, label, testId }: { ids: string[]; urls: Record<string, string>; label: string; testId: string }) {
  const shown = ids.map((id) => urls[id]).filter(Boolean)
  if (!shown.length) return null
  return (
    <View data-testid={testId}>
      <View className='fact'>{label}</View>
      <View className='photos'>
        {shown.map((u) => (
          <Image key={u} className='photos__img' src={u} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: shown, current: u })} />
        ))}
      </View>
    </View>
  )
}
