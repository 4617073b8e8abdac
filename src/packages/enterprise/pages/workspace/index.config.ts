export default definePageConfig({ navigationBarTitleText: '企业处理台', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
