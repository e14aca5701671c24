// The part of @11ty/eleventy-img (v6, untyped CommonJS) that src/images uses.
declare module "@11ty/eleventy-img" {
  export interface ImageFormatEntry {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename: string;
    outputPath: string;
    size: number;
    /** With `dryRun`: the encoded file, in memory. */
    buffer?: Buffer;
  }
  export type ImageMetadata = Record<string, ImageFormatEntry[]>;
  export interface ImageOptions {
    widths?: (number | "auto" | null)[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    /** Encode in memory (`buffer`), write nothing. */
    dryRun?: boolean;
    useCache?: boolean;
    filenameFormat?: (id: string, src: unknown, width: number, format: string) => string;
  }
  export default function Image(src: string | Buffer, options?: ImageOptions): Promise<ImageMetadata>;
}
