import Taro from '@tarojs/taro'

export const FILING_ROOT = '/packages/complaint/pages'
const STEP_PAGES = ['business', 'facts', 'photos', 'contact', 'review'] as const

export const stepRoute = (step: number) => `packages/complaint/pages/${STEP_PAGES[step - 1] ?? 'business'}/index`
export const stepUrl = (step: number, draftId: string) => `/${stepRoute(step)}?draft=${encodeURIComponent(draftId)}`

const bare = (route: string | undefined) => (route ?? '').replace(/^\//, '').replace(/\?.*$/, '')

/**
 * Moves between the filing steps so the phone's own back button keeps meaning 上一步: back down the
 * page stack when the step is below, forward with navigateTo, and a redirect when a draft was
 * continued from the list (the earlier steps are then not on the stack).
 */
export function goToStep(step: number, draftId: string, currentStep: number) {
  const pages = Taro.getCurrentPages()
  const target = stepRoute(step)
  for (let i = pages.length - 2; i >= 0; i--) {
    if (bare(pages[i]?.route) === target) return Taro.navigateBack({ delta: pages.length - 1 - i })
  }
  return step > currentStep ? Taro.navigateTo({ url: stepUrl(step, draftId) }) : Taro.redirectTo({ url: stepUrl(step, draftId) })
}
