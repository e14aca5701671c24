// The dev server ships JavaScript without types; this is the part the preview uses.
declare module "@11ty/eleventy-dev-server" {
  interface DevServerOptions {
    port?: number;
    liveReload?: boolean;
    domDiff?: boolean;
    showAllHosts?: boolean;
    portReassignmentRetryCount?: number;
    messageOnStart?: (info: { localhostUrl: string }) => string | false;
    logger?: { info(message: string): void; log(message: string): void; error(message: string): void };
  }
  export default class EleventyDevServer {
    constructor(name: string, dir: string, options?: DevServerOptions);
    serve(port: number): void;
    ready(): Promise<void>;
    getServerUrl(host: string, pathname?: string): string;
    /** Tells every open page to reload (stylesheets only, with `subtype: "css"`). */
    reload(event: { files?: string[]; subtype?: "css" }): void;
    close(): Promise<void>;
  }
}
