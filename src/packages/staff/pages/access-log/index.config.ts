export default definePageConfig({ navigationBarTitleText: '查看记录', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
