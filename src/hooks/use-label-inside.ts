import { useEffect, useRef } from 'react'

/**
 * In the browser, the inputs inside a form field are named by the field's label (Taro has no
 * <label for>); a screen reader then says "姓名" at the name box. WeChat reads the label beside it.
 */
export function useLabelInside<T>(label: string) {
  const ref = useRef<T>(null)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    const root = ref.current as unknown as HTMLElement | null
    if (!root) return
    const name = () =>
      root.querySelectorAll('input, textarea').forEach((el) => {
        if (!el.getAttribute('aria-label')) el.setAttribute('aria-label', label)
      })
    name()
    // Taro's input component draws its <input> a moment after React renders it
    const watch = new MutationObserver(name)
    watch.observe(root, { childList: true, subtree: true })
    return () => watch.disconnect()
  }, [label])
  return ref
}
