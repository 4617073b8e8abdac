export default definePageConfig({ navigationBarTitleText: '重点督办', enablePullDownRefresh: true })
