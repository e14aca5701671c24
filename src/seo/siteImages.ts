import { ASSETS } from "../urls.ts";

/**
 * The bulletin's own images (layouts/assets, copied to /assets/): the share image shown
 * when a page without a photo is posted on social media, and the publisher logo that
 * structured data and feeds name. Sizes are those of the committed PNGs.
 */
export const SHARE_IMAGE = { path: ASSETS.shareImage, width: 1200, height: 630 } as const;
export const LOGO = { path: ASSETS.logo, width: 512, height: 512 } as const;
