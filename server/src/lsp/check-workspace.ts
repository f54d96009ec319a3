// "Check all reports in the workspace": opt-in (a command, never automatic), with progress
// and cancellation. Reads and analyses every report, runs the checks over all of them and
// publishes problems for files that are not open too.
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { Locale } from '../core/format';
import type { CheckWorkspaceParams, CheckWorkspaceResult } from '../protocol';
import type { DiagnosticsService } from './diagnostics';
import { MESSAGES, say } from './locale';
import type { Reports } from './reports';
import { canonicalUri } from './uris';
import type { WorkspaceIndex } from './workspace-index';

export async function checkWorkspace(
  connection: Connection,
  index: WorkspaceIndex,
  reports: Reports,
  diagnostics: DiagnosticsService,
  params: CheckWorkspaceParams,
  token: CancellationToken,
  locale: Locale
): Promise<CheckWorkspaceResult> {
  const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
  progress.begin(say(MESSAGES.checking, locale), 0, undefined, true);
  const cancelled = (): boolean => token.isCancellationRequested;
  const cancel = { get isCancellationRequested() { return cancelled(); } };
  try {
    const done = await index.build(
      {
        report: (n, total) => progress.report(total ? Math.round((n / total) * 90) : 90, `${n}/${total}`),
      },
      cancel
    );
    if (!done || cancelled()) return { files: index.size, problems: 0, cancelled: true };
    let list = await reports.all();
    if (params.uris && params.uris.length) {
      const wanted = new Set(params.uris.map(canonicalUri));
      list = list.filter((r) => wanted.has(canonicalUri(r.uri)));
    }
    progress.report(92);
    const findings = await diagnostics.check(list);
    if (cancelled()) return { files: list.length, problems: 0, cancelled: true };
    const problems = await diagnostics.publishEverything(list, findings);
    progress.report(100);
    return { files: list.filter((r) => !r.doc.skipped).length, problems, cancelled: false };
  } finally {
    progress.done();
  }
}
