import type { WritePhase } from "./PreviewSite.ts";

/** From the preview's server process to its build process (src/preview/previewWorker.ts). */
export type ToWorker =
  | { type: "articles"; paths: string[] }
  | { type: "asset"; path: string };

/** From the build process: pages written (paths below the output folder), so browsers reload. */
export type FromWorker = { type: "written"; phase: WritePhase; paths: string[] };
