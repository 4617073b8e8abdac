export default definePageConfig({ navigationBarTitleText: '失信认定与申辩' })
