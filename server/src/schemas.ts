import { Type } from '@sinclair/typebox'
import { ERROR_MESSAGES } from '../../src/contract/error-codes'

export const ApiErrorSchema = Type.Object(
  {
    code: Type.Unsafe<keyof typeof ERROR_MESSAGES>({ type: 'string', enum: Object.keys(ERROR_MESSAGES) }),
    message: Type.String(),
  },
  { $id: 'ApiError', description: '错误：code 供程序判断，message 是给用户看的中文说明' },
)
