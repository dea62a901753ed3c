import Taro from '@tarojs/taro'

export type ExportResult = 'downloaded' | 'shared' | 'cancelled' | 'failed'

/**
 * Hand a CSV to staff as a file. H5 downloads it; weapp writes it to the mini-program's user folder
 * and opens WeChat's "send to a chat" (shareFileMessage), so it can be forwarded to a work group
 * or to oneself and opened on a PC. The server's CSV starts with a BOM, so Excel reads the Chinese.
 */
export async function exportCsv(csv: string, fileName: string): Promise<ExportResult> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    a.download = fileName
    a.click()
    return 'downloaded'
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8')
    await Taro.shareFileMessage({ filePath, fileName })
    return 'shared'
  } catch (err) {
    return /cancel/.test(String((err as { errMsg?: string })?.errMsg)) ? 'cancelled' : 'failed'
  }
}
