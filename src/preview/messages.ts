import type { WritePhase } from "./PreviewSite.ts";

/** From the preview's server process to its build process (src/preview/previewWorker.ts). */
export type ToWorker =
  | { type: "articles"; paths: string[] }
  | { type: "asset"; path: string };

/**
 * From the build process: pages written (paths below the output folder), so browsers reload;
 * or the errors that keep the preview from being brought up to date, as `file:LINE: message`
 * (none once the content builds again), which open pages show until they are fixed.
 */
export type FromWorker =
  | { type: "written"; phase: WritePhase; paths: string[] }
  | { type: "problems"; lines: string[] };
