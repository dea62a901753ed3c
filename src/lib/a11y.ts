/**
 * Accessibility attributes that differ between the two platforms. WeChat reads `aria-role` and
 * `aria-*` on the component itself; a browser reads `role`, and the attributes of the native
 * element Taro's H5 component wraps (<img>, <input>), which only `nativeProps` reaches.
 */
const isH5 = process.env.TARO_ENV === 'h5'

/** Attributes for the browser element inside a Taro component (alt of an image, label of an input). */
export function native(attrs: Record<string, string>): { nativeProps?: Record<string, string> } {
  return isH5 ? { nativeProps: attrs } : {}
}

/**
 * A tappable View announced as what it does ('button', 'link', 'switch'): WeChat's `aria-role`;
 * in the browser `role` plus a tab stop, so a keyboard reaches it too.
 */
export function roleOf(role: 'button' | 'link' | 'switch'): Record<string, string | number> {
  return isH5 ? { role, tabIndex: 0 } : { 'aria-role': role }
}

/** An input's name for both: WeChat reads `aria-label` on the component, a browser on the <input> inside. */
export function labelled(text: string): Record<string, unknown> {
  return { 'aria-label': text, ...native({ 'aria-label': text }) }
}
