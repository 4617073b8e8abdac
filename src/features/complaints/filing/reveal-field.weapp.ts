import Taro from '@tarojs/taro'

/** Scrolls to the first field with an error; its input takes the focus through its `focus` prop. */
export function revealField(name: string): void {
  // A scroll that cannot happen (e.g. the page is closing) is not worth an error.
  Taro.pageScrollTo({ selector: `#field-${name}`, offsetTop: -120, duration: 200 }).catch(() => undefined)
}
