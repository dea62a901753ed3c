export default definePageConfig({ navigationBarTitleText: '居民与角色' })
