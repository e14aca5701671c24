/**
 * Which host names a local server answers for, and whether a browser page asking for the
 * preview's WebSocket comes from the preview itself.
 *
 * DNS rebinding: a page on `http://evil.example:8080/` can point its own name at 127.0.0.1 and
 * then read a local server as if it were its own site. The browser still sends
 * `Host: evil.example:8080`, so a server that answers only the names it is served under
 * (and IP addresses, which no other site can rebind) cannot be read that way.
 */
import { isIP } from "node:net";
import { hostname, networkInterfaces } from "node:os";

/** The names every local server answers for: this machine, by name and by loopback address. */
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

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

/**
 * Whether a request's `Host` header names this server, for one listening on `listenHost`:
 * localhost, 127.0.0.1 and [::1] always; the `--host` name or address; and, when listening
 * on every interface (0.0.0.0, ::), any IP address and the machine's own name, since others
 * reach it by those. Any port: a forwarded port (a container's, say) changes the number, not
 * the name, and a rebinding page cannot choose the name.
 */
export function hostCheck(listenHost: string): (hostHeader: string | undefined) => boolean {
  const names = new Set(LOOPBACK_NAMES);
  const wildcard = isWildcard(listenHost);
  if (wildcard) {
    const own = hostname().toLowerCase();
    names.add(own).add(`${own}.local`);
  } else {
    names.add(urlHostname(listenHost));
  }
  return (hostHeader) => {
    const name = hostHeader === undefined ? undefined : parseHost(hostHeader)?.name;
    if (name === undefined) return false;
    return names.has(name) || (wildcard && isIP(unbracket(name)) !== 0);
  };
}

/**
 * Whether a WebSocket upgrade comes from a page of this very server: its `Origin` is the
 * origin of the `Host` it asked for (scheme, name and port). Browsers always send an Origin
 * with a WebSocket; a request without one is not from a web page (a script on the machine,
 * which could read the pages anyway), so it is let through. `null` (a sandboxed frame, a
 * file) is refused.
 */
export function sameOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined) return true;
  const host = hostHeader === undefined ? undefined : parseHost(hostHeader);
  if (!host) return false;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false;
  }
  return (from.protocol === "http:" || from.protocol === "https:") && from.host === host.host && from.origin === origin.toLowerCase();
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

/** A Host header's name (lower case, IPv6 in brackets) and `name:port` as a URL's `host` spells it; undefined when it is not one. */
function parseHost(header: string): { name: string; host: string } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(header);
  if (!match) return undefined;
  try {
    const url = new URL(`http://${header}`);
    return { name: url.hostname, host: url.host };
  } catch {
    return undefined;
  }
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
