import { defineCustomElement } from '@tarojs/components/dist/components/taro-view-core.js'
import { wrap } from './wrap.js'

export const View = wrap('taro-view-core', defineCustomElement)
