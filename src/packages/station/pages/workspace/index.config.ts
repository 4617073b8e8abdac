export default definePageConfig({ navigationBarTitleText: '服务站代办', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
