// The React wrapper Taro's own component library builds for each web component (lib/react/components.js).
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js'
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js'

export const wrap = (tag, defineCustomElement) => createReactComponent(tag, undefined, manipulatePropsFunction, defineCustomElement)
