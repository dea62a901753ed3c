import * as z from 'zod'
import { cloudFileId } from './files'
import { hasPhotos, photosIn } from './walk'
import { text } from './text'

const photo = cloudFileId('orders', '照片应是已上传的文件')
const input = z.object({
  note: text('说明', 20),
  photos: z.array(photo).max(3).default([]),
  cover: z.union([z.literal(''), cloudFileId('gifts', '照片应是已上传的文件')]).default(''),
})

describe('photos in a contract', () => {
  it('every uploaded file of a parsed input, at its path', () => {
    const value = input.parse({ note: '漏水', photos: ['cloud://env/orders/a.png', 'cloud://env/orders/b.jpg'], cover: 'cloud://env/gifts/c.png' })
    expect(photosIn(input, value)).toEqual([
      { path: 'photos.0', fileID: 'cloud://env/orders/a.png' },
      { path: 'photos.1', fileID: 'cloud://env/orders/b.jpg' },
      { path: 'cover', fileID: 'cloud://env/gifts/c.png' },
    ])
    expect(photosIn(input, input.parse({ note: '漏水' }))).toEqual([])
  })

  it('knows which contracts take photos at all', () => {
    expect(hasPhotos(input)).toBe(true)
    expect(hasPhotos(z.object({ note: text('说明', 20), id: z.string().regex(/^o\w+$/) }))).toBe(false)
  })
})
