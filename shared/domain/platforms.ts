/** Where a customer keeps a card. A card can be saved in several at once. */
export const PLATFORMS = ['web', 'apple', 'google'] as const;
export type Platform = (typeof PLATFORMS)[number];

const BIT: Record<Platform, number> = { web: 1, apple: 2, google: 4 };

/** Platforms are stored as a bit set: web = 1, apple = 2, google = 4. */
export function platformsToMask(platforms: readonly Platform[]): number {
  return platforms.reduce((mask, platform) => mask | BIT[platform], 0);
}

export function maskToPlatforms(mask: number): Platform[] {
  return PLATFORMS.filter((platform) => (mask & BIT[platform]) !== 0);
}

/** Whether a card is saved in a wallet (Apple or Google): only there can a wallet push reach it. */
export function isInWallet(platforms: readonly Platform[]): boolean {
  return platforms.some((platform) => platform !== 'web');
}
