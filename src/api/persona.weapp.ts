/** weapp: the caller is the real WeChat user; no persona switching (see persona.ts for H5 dev). */
export const getDevOpenid = (): string => ''
export const setDevOpenid = (openid: string): void => void openid
