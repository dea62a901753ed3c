/** weapp: there is no dev entry (calls go through Taro.cloud.callFunction); see dev-entry.ts for H5. */
export function viaDevEntry(): Promise<never> {
  return Promise.reject(new Error('the dev entry exists only in the H5 build'))
}
