/**
 * A JSR registry on localhost, so that what `deno publish` would upload can be run as users run it
 * (`deno run -A jsr:@pyjit/cli`) on a machine that cannot reach jsr.io. In: `deno publish` pointed
 * at it (`JSR_URL`, any `--token`); out: the packages it received, served to `deno run` with the
 * same environment. tools/published_cli_test.ts drives it.
 *
 * It answers the few requests Deno makes, as jsr.io answers them: for publishing, the package's
 * existence, the upload of the gzipped tarball (files exactly as Deno rewrote them for publishing,
 * bare specifiers made `jsr:` ones) and the upload's status; for running, the package's
 * `meta.json` (its versions), `VERSION_meta.json` (each file's size and SHA-256, the exports) and
 * the files themselves.
 *
 *   deno run -A tools/fake_jsr.ts   # serves until interrupted; prints the JSR_URL to use
 * @module
 */
import { createHash } from "node:crypto";

/** One package version as received: its files by path ("/main.ts"). */
type Files = Map<string, Uint8Array>;

/** A running registry: its URL (for `JSR_URL`, with the trailing slash) and how to stop it. */
export interface FakeJsr {
  url: string;
  /** Packages received, as "@scope/name@version". */
  published(): string[];
  close(): Promise<void>;
}

/** The files of a gzipped tar archive (ustar: 512-byte headers, then the data in 512-byte blocks). */
export async function untarGzip(gzipped: Uint8Array): Promise<Files> {
  const stream = new Blob([gzipped as Uint8Array<ArrayBuffer>]).stream().pipeThrough(
    new DecompressionStream("gzip"),
  );
  const tar = new Uint8Array(await new Response(stream).arrayBuffer());
  const text = (from: number, length: number) => {
    const bytes = tar.subarray(from, from + length);
    const end = bytes.indexOf(0);
    return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
  };
  const files: Files = new Map();
  for (let at = 0; at + 512 <= tar.length;) {
    const name = text(at, 100);
    if (name === "") break; // the two zero blocks that end the archive
    const size = parseInt(text(at + 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(tar[at + 156]);
    const prefix = text(at + 345, 155);
    const path = "/" + (prefix ? `${prefix}/${name}` : name).replace(/^\.?\/+/, "");
    if (type === "0" || type === "\0") files.set(path, tar.slice(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** The registry's view of one version: the manifest Deno checks every file against. */
function versionMeta(files: Files): string {
  const manifest: Record<string, { size: number; checksum: string }> = {};
  for (const [path, bytes] of files) {
    manifest[path] = {
      size: bytes.length,
      checksum: `sha256-${createHash("sha256").update(bytes).digest("hex")}`,
    };
  }
  const config = JSON.parse(new TextDecoder().decode(files.get("/deno.json") ?? files.get("/jsr.json")));
  const exports = typeof config.exports === "string" ? { ".": config.exports } : config.exports;
  return JSON.stringify({ manifest, exports });
}

/** Starts the registry on a free port of localhost. */
export function startFakeJsr(): FakeJsr {
  // "@scope/name" → version → files
  const packages = new Map<string, Map<string, Files>>();
  const json = (body: unknown, status = 200) => Response.json(body, { status });
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    let match: RegExpMatchArray | null;
    // Publishing: /api/scopes/S/packages/N[/versions/V], /api/publish_status/ID.
    if ((match = path.match(/^\/api\/scopes\/([^/]+)\/packages\/([^/]+)(?:\/versions\/([^/]+))?$/))) {
      const [, scope, name, version] = match;
      if (version === undefined) return json({ scope, name });
      if (request.method !== "POST") return json({ code: "versionNotFound", message: "not found" }, 404);
      const files = await untarGzip(new Uint8Array(await request.arrayBuffer()));
      const key = `@${scope}/${name}`;
      if (!packages.has(key)) packages.set(key, new Map());
      packages.get(key)!.set(version, files);
      const task = { id: `${key}@${version}`, status: "success", packageScope: scope, packageName: name };
      return json({ ...task, packageVersion: version });
    }
    if ((match = path.match(/^\/api\/publish_status\/(.+)$/))) {
      return json({ id: match[1], status: "success" });
    }
    // Running: /@S/N/meta.json, /@S/N/V_meta.json, /@S/N/V/FILE.
    if ((match = path.match(/^\/(@[^/]+\/[^/]+)\/(.+)$/))) {
      const versions = packages.get(match[1]);
      if (versions === undefined) return new Response("not found", { status: 404 });
      const rest = match[2];
      if (rest === "meta.json") {
        const all = [...versions.keys()];
        const [scope, name] = match[1].slice(1).split("/");
        return json({
          scope,
          name,
          latest: all.at(-1),
          versions: Object.fromEntries(all.map((v) => [v, {}])),
        });
      }
      const meta = rest.match(/^([^/]+)_meta\.json$/);
      if (meta && versions.has(meta[1])) {
        return new Response(versionMeta(versions.get(meta[1])!), {
          headers: { "content-type": "application/json" },
        });
      }
      const file = rest.match(/^([^/]+)(\/.+)$/);
      const bytes = file ? versions.get(file[1])?.get(file[2]) : undefined;
      if (bytes !== undefined) return new Response(bytes as Uint8Array<ArrayBuffer>);
    }
    return new Response("not found", { status: 404 });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}/`,
    published: () =>
      [...packages].flatMap(([key, versions]) => [...versions.keys()].map((v) => `${key}@${v}`)),
    close: () => server.shutdown(),
  };
}

if (import.meta.main) {
  const registry = startFakeJsr();
  console.log(`JSR_URL=${registry.url}`);
}
