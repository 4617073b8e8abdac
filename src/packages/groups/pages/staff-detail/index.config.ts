export default definePageConfig({ navigationBarTitleText: '群体性投诉' })
