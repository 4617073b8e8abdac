export default definePageConfig({ navigationBarTitleText: '无理由退货承诺' })
