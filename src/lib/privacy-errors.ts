/**
 * WeChat blocks personal-information APIs (chooseMedia, getLocation, clipboard …) until the user
 * agrees to the mini-program's 《用户隐私保护指引》. A blocked call fails with errno 104 ("privacy
 * permission is not authorized": not agreed, or refused) or 112 ("api scope is not declared in the
 * privacy agreement": our guide in the MP console lacks the item, a configuration mistake).
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html
 */
export type PrivacyRefusal = 'not-agreed' | 'not-declared'

export function privacyRefusal(error: unknown): PrivacyRefusal | null {
  const e = error as { errno?: number; errMsg?: string } | null
  const message = String(e?.errMsg ?? '')
  if (e?.errno === 112 || /scope is not declared in the privacy agreement/i.test(message)) return 'not-declared'
  if (e?.errno === 104 || /privacy permission is not authorized/i.test(message)) return 'not-agreed'
  return null
}

/** What the user can do instead, per kind of use. */
export const PRIVACY_WAY_FORWARD = {
  photos: '您没有同意《用户隐私保护指引》，暂时不能选择照片。可以先不加照片继续填写，以后在投诉详情里补充；需要时再点一次添加照片，同意后即可使用。',
  location: '您没有同意《用户隐私保护指引》，无法定位，请手动填写地址',
  clipboard: '您没有同意《用户隐私保护指引》，没能复制。回执就在本页，可以截图保存。',
  notDeclared: '这个功能暂时不能用（小程序的隐私保护指引漏了这一项），请先跳过，并告诉消协工作人员',
} as const
