import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Call `load` every `everyMs` while the page is on screen (a desk that others change meanwhile:
 * residents checking themselves in, another booth handing out); stops when the page is hidden.
 */
export function usePoll(load: () => Promise<unknown>, everyMs: number, enabled = true): void {
  const [shown, setShown] = useState(true)
  const loadRef = useRef(load)
  loadRef.current = load
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  useEffect(() => {
    if (!enabled || !shown) return
    const t = setInterval(() => void loadRef.current().catch(() => undefined), everyMs)
    return () => clearInterval(t)
  }, [enabled, shown, everyMs])
}
