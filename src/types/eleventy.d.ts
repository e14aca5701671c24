// Eleventy ships JavaScript without types; this is the part of its programmatic API we use.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    source?: string;
    runMode?: string;
    /** Runs before the config file, with the same configuration object. */
    config?: (eleventyConfig: never) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** No console output at all (the bulletin prints its own summary). */
    disableLogger(): void;
    toJSON(): Promise<unknown>;
  }
}
