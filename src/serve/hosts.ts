/** Where a local server listens: this machine only (loopback), or beyond it, and what to tell the writer then. */
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";

/** True for an address or name that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const bare = unbracket(host).toLowerCase();
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::1";
}

/** True for an address that listens on every interface. */
export function isWildcard(host: string): boolean {
  const bare = unbracket(host);
  return bare === "" || bare === "0.0.0.0" || bare === "::";
}

/** The URL to print for a server on `listenHost`: one that works from this machine. */
export function localUrl(listenHost: string, port: number): string {
  const host = isWildcard(listenHost) ? "127.0.0.1" : urlHostname(listenHost);
  return `http://${host}:${port}`;
}

/**
 * What to tell the writer when the preview listens beyond this machine, with the addresses
 * others would use; undefined on loopback.
 */
export function exposureWarning(listenHost: string, port: number): string | undefined {
  if (isLoopback(listenHost)) return undefined;
  const urls = isWildcard(listenHost) ? externalAddresses().map((a) => localUrl(a, port)) : [localUrl(listenHost, port)];
  const where = urls.length > 0 ? ` (${urls.join(", ")})` : "";
  return (
    `Warning: --host ${listenHost} opens the preview to other machines${where}. Anyone who can reach this one ` +
    `can read every page of it, drafts and embargoed stories included. Use it only on a network you trust; ` +
    `without --host the preview is for this machine only (127.0.0.1).`
  );
}

/** This machine's addresses that other machines can reach, IPv4 first. */
function externalAddresses(): string[] {
  const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  const external = all.filter((a) => !a.internal && !(a.family === "IPv6" && a.address.startsWith("fe80:")));
  return [...external.filter((a) => a.family === "IPv4"), ...external.filter((a) => a.family !== "IPv4")].map((a) => a.address);
}

/** A name or address as it appears in a URL: IPv6 in brackets, lower case. */
function urlHostname(host: string): string {
  const bare = unbracket(host);
  const spelled = isIP(bare) === 6 ? `[${bare}]` : bare;
  try {
    return new URL(`http://${spelled}`).hostname;
  } catch {
    return spelled.toLowerCase();
  }
}

function unbracket(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}
