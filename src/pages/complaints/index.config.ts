export default definePageConfig({
  navigationBarTitleText: '我的投诉',
  // NOTE: pull to refresh needs the page flag on weapp and H5 alike (usePullDownRefresh alone does nothing).
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
