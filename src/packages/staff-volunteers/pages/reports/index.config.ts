export default definePageConfig({ navigationBarTitleText: '走访报告审核', enablePullDownRefresh: true })
