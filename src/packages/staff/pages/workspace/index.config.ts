export default definePageConfig({ navigationBarTitleText: '消协工作台', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
