/** WeChat draws its own pages, title bar and tab bar. */
export function labelTaroPages(): void {}
