/**
 * Attributes for the browser element inside a Taro component (H5 renders <img>, <input> inside
 * its own wrapper; screen readers and axe read those). WeChat reads `aria-*` on the component
 * itself, so the mini-program gets nothing here.
 */
export function native(attrs: Record<string, string>): { nativeProps?: Record<string, string> } {
  return process.env.TARO_ENV === 'h5' ? { nativeProps: attrs } : {}
}
