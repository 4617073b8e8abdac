/** Scrolls the field with id `field-<name>` into view; see reveal-field.h5.ts and reveal-field.weapp.ts. */
export function revealField(_name: string): void {}
