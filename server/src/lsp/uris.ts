// file: URIs ↔ paths. Clients and Node percent-encode a few characters differently, so URIs
// from both are compared through their path (canonicalUri).
import { fileURLToPath, pathToFileURL } from 'url';

/** The file-system path of a file: URI, or undefined for other schemes (untitled:, vscode-vfs:). */
function URI_TO_PATH(uri: string): string | undefined {
  // Clients can send anything: a URI that is not a string names no file.
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export const uriToPath = URI_TO_PATH;

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** One spelling per file, for map keys. */
export function canonicalUri(uri: string): string {
  const p = URI_TO_PATH(uri);
  return p === undefined ? uri : pathToUri(p);
}
