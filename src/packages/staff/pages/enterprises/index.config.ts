export default definePageConfig({ navigationBarTitleText: '企业和联络员' })
