/** weapp: the caller is the real WeChat user; there is no persona switcher (see index.tsx for H5 dev). */
export const useDevPersonaFirst = (): void => undefined
export const DevPersonaLink = () => null
