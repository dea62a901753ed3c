// WeChat's test parts, used by the weapp test host (test/weapp/support); they ship no typings.
declare module 'miniprogram-exparser' {
  const exparser: {
    Event: { create(type: string, detail: unknown, options: Record<string, unknown>): unknown; dispatchEvent(target: unknown, event: unknown): void }
  }
  export default exparser
}
declare module 'miniprogram-compiler' {
  export function wxmlToJs(root: string, options?: Record<string, unknown>): string
  export function wxssToJs(root: string, options?: Record<string, unknown>): string
}
declare module 'pngjs' {
  export const PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } }
}
declare module 'espree' {
  export function parse(code: string, options: Record<string, unknown>): unknown
}
