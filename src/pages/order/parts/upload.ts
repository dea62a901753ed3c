import Taro from '@tarojs/taro'

/** Photos per order (the server refuses more). */
export const MAX_PHOTOS = 3

const extOf = (p: string, type?: string) => (/\.(png|jpe?g|gif|webp)$/i.exec(p)?.[1] ?? type?.split('/')[1] ?? 'jpg').toLowerCase()
const cloudPathFor = (ext: string, folder: string) => `${folder}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext}`

/** H5: the local cloud's dev entry stores the file (there is no wx.cloud in a browser). */
async function viaDevEntry(tempPath: string, folder: string): Promise<string> {
  const blob = await (await fetch(tempPath)).blob()
  const base64 = await new Promise<string>((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''))
    r.onerror = () => reject(r.error)
    r.readAsDataURL(blob)
  })
  const res = await fetch('/dev/upload', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cloudPath: cloudPathFor(extOf(tempPath, blob.type), folder), base64 }),
  })
  const body = (await res.json().catch(() => ({}))) as { fileID?: string; errMsg?: string }
  if (!body.fileID) throw new Error(body.errMsg || `HTTP ${res.status}`)
  return body.fileID
}

/**
 * At most 750 px wide, as WeChat's image check takes (about 1 MB, 750 × 1334): a phone photo of
 * 4 MB becomes ~150 KB, quicker to send on a weak signal too. The original is kept if this fails.
 */
async function shrunk(tempPath: string): Promise<string> {
  try {
    return (await Taro.compressImage({ src: tempPath, quality: 80, compressedWidth: 750 })).tempFilePath
  } catch {
    return tempPath
  }
}

/** Upload one chosen image to cloud storage under `folder/` (the action's schema names it); resolves to its cloud file id. */
export async function uploadPhoto(tempPath: string, folder = 'orders'): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return viaDevEntry(tempPath, folder)
  const small = await shrunk(tempPath)
  const res = await Taro.cloud.uploadFile({ cloudPath: cloudPathFor(extOf(small), folder), filePath: small })
  return res.fileID
}

/** Let the user pick up to `room` photos (camera or album), compressed. Empty when they cancel (or refuse the privacy consent). */
export async function choosePhotos(room: number): Promise<string[]> {
  if (room <= 0) return []
  try {
    const res = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFiles.map((f) => f.tempFilePath).slice(0, room)
  } catch {
    return [] // cancelled
  }
}
