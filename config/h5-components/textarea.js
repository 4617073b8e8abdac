import { defineCustomElement } from '@tarojs/components/dist/components/taro-textarea-core.js'
import { wrap } from './wrap.js'

export const Textarea = wrap('taro-textarea-core', defineCustomElement)
