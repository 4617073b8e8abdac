/**
 * Brings the first field with an error into the middle of the screen and puts the cursor in it.
 * Taro H5 keeps earlier pages in the DOM, so the field is looked up in the page on top.
 */
export function revealField(name: string): void {
  const pages = document.querySelectorAll('.taro_page')
  const field = pages[pages.length - 1]?.querySelector<HTMLElement>(`#field-${name}`)
  if (!field) return
  field.scrollIntoView({ block: 'center' })
  field.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true })
}
