export default definePageConfig({ navigationBarTitleText: '答复上报的大事' })
