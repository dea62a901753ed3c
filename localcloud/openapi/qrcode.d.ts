// The part of qrcode 1.5 used here (the package ships no types).
declare module 'qrcode' {
  interface ToBufferOptions {
    type?: 'png'
    width?: number
    margin?: number
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'
    color?: { dark?: string; light?: string }
  }
  export function toBuffer(text: string, options?: ToBufferOptions): Promise<Buffer>
}
