/** Public path of a warning image; bodies may only embed images under it (or https ones). */
export const WARNING_IMAGE_ROUTE = '/api/warning-images'

export const warningImageUrl = (id: string) => `${WARNING_IMAGE_ROUTE}/${id}`
