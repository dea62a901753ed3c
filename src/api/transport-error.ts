/** Thrown when the function could not be reached or crashed (not an expected `{ok:false}`). */
export class TransportError extends Error {
  constructor(message: string, readonly errCode?: number | string) {
    super(message)
    this.name = 'TransportError'
  }
}
