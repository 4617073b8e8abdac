/** H5 only (page-accessibility.h5.ts): makes the pages Taro's router draws reachable by keyboard and screen readers. */
export function labelTaroPages(): void {}
