/**
 * Weapp: the sender (uploads, photo files, retries) would cost the main package ~10 KB of its budget,
 * so it lives in the volunteer subpackage and starts when a volunteer opens any of its pages; from then
 * on it follows onNetworkStatusChange for the rest of the session.
 */
export function startOutboxAtLaunch(_owner: () => string | null): void {}
