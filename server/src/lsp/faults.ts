// Fault containment for the server: whatever one document or one malformed message does, the
// server logs it, tells the user once, and keeps serving every other document and request.
import { ErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import type { Locale } from '../core/format';
import { say } from './locale';

export const FAULT_MESSAGES = {
  analysisFailed: {
    en: 'zh-figures: could not analyse {0} ({1}); it is not checked. Other files are not affected. Please report this with the file if you can.',
    zh: 'zh-figures：无法分析 {0}（{1}），该文件未检查，其他文件不受影响。如可能，请附上该文件报告此问题。',
  },
};

/**
 * Test hook for the fault-containment tests: when ZH_FIGURES_FAULT_INJECT is set, analysing a
 * text that contains its value throws. Unset in normal use; costs one lookup per analysis.
 */
export function injectedFault(text: string): void {
  const marker = process.env.ZH_FIGURES_FAULT_INJECT;
  if (marker && text.includes(marker)) throw new Error(`injected fault (${marker})`);
}

/** The text of an error for logs: its stack when it has one. */
export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Log an analysis failure of one document and tell the user about it once per document. */
export function reportAnalysisFailure(connection: Connection, told: Set<string>, uri: string, name: string, error: unknown, locale: Locale): void {
  connection.console.error(`zh-figures: analysis of ${uri} failed: ${describeError(error)}`);
  const key = `fail:${uri}`;
  if (told.has(key)) return;
  told.add(key);
  const short = error instanceof Error ? error.message : String(error);
  connection.window.showWarningMessage(say(FAULT_MESSAGES.analysisFailed, locale, name, short.slice(0, 200)));
}

/** A URI as a request must carry it; anything else is answered with InvalidParams. */
export function requireUri(params: unknown, field = 'uri'): string {
  const v = params && typeof params === 'object' ? (params as Record<string, unknown>)[field] : undefined;
  if (typeof v !== 'string' || v.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, `zh-figures: "${field}" must be a URI string`);
  return v;
}

/** Params must be an object; a request without them is answered with InvalidParams. */
export function requireObject<T extends object>(params: unknown, method: string): T {
  if (!params || typeof params !== 'object') throw new ResponseError(ErrorCodes.InvalidParams, `zh-figures: ${method} needs an object of parameters`);
  return params as T;
}

/** An optional list of URIs: undefined when absent, InvalidParams when not a list of strings. */
export function optionalUris(params: { uris?: unknown }): string[] | undefined {
  if (params.uris === undefined || params.uris === null) return undefined;
  if (!Array.isArray(params.uris) || !params.uris.every((u) => typeof u === 'string')) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'zh-figures: "uris" must be a list of URI strings');
  }
  return params.uris as string[];
}

/** LSP's RequestCancelled (-32800): what a cancelled request answers. */
export const REQUEST_CANCELLED = -32800;

/** Throw RequestCancelled when the client gave up on the request (checked after long work). */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(REQUEST_CANCELLED, 'zh-figures: request cancelled');
}

/**
 * Last line of defence: an exception that escapes a notification handler or a timer is logged
 * instead of ending the process (Node ends it on an unhandled rejection by default), so that a
 * malformed message or a bug in one feature never takes the whole server down.
 */
export function installProcessGuards(connection: Connection): void {
  process.on('unhandledRejection', (e) => {
    try {
      connection.console.error(`zh-figures: unhandled error: ${describeError(e)}`);
    } catch {
      // the connection itself is gone: nothing left to tell
    }
  });
  process.on('uncaughtException', (e) => {
    // The client is gone (its pipe closed): nothing to serve any more.
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') process.exit(1);
    try {
      connection.console.error(`zh-figures: uncaught error: ${describeError(e)}`);
    } catch {
      // the connection itself is gone
    }
  });
}
