/** An error in the cloud's wire shape ({ code, message }); services throw it, the hub sends it. */
export class WireError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message }
  }
}

export function toWireError(err: unknown): WireError {
  if (err instanceof WireError) return err
  if (err instanceof SyntaxError) return new WireError('INVALID_PARAM', `malformed JSON: ${err.message}`)
  return new WireError('SYS_ERR', (err as Error)?.message ?? String(err))
}
