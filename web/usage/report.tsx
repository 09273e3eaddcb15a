import type { components } from '../../client/index.js';

export type UsageReport = components['schemas']['UsageReport'];
export type GroupBy = UsageReport['group_by'];
type Figures = UsageReport['totals'];

export const GROUP_NAMES: Record<GroupBy, string> = { day: 'Day', intent: 'Intent', provider: 'Provider', model: 'Model' };

/** The figures a row of either table shows, after its first column. */
export function FigureCells({ figures }: { figures: Figures }) {
  return (
    <>
      <td>{figures.made}</td>
      <td>{figures.failed}</td>
      <td>{figures.cancelled}</td>
      <td>
        {figures.input_tokens} / {figures.output_tokens}
      </td>
      <td>${figures.cost.toFixed(4)}</td>
    </>
  );
}

export function FigureHeads({ first }: { first: string }) {
  return (
    <tr>
      <th scope="col">{first}</th>
      <th scope="col">Made</th>
      <th scope="col">Failed</th>
      <th scope="col">Cancelled</th>
      <th scope="col">Tokens in / out</th>
      <th scope="col">Estimated cost</th>
    </tr>
  );
}

/** A report's totals, then its groups as a table named for what they are grouped by. */
export function ReportFigures({ report, label }: { report: UsageReport; label: string }) {
  const by = GROUP_NAMES[report.group_by];
  return (
    <>
      <dl class="figures" aria-label={`${label}: figures`}>
        <div>
          <dt>Made</dt>
          <dd>{report.totals.made}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd>{report.totals.failed}</dd>
        </div>
        <div>
          <dt>Cancelled</dt>
          <dd>{report.totals.cancelled}</dd>
        </div>
        <div>
          <dt>Tokens in / out</dt>
          <dd>
            {report.totals.input_tokens} / {report.totals.output_tokens}
          </dd>
        </div>
        <div>
          <dt>Estimated cost</dt>
          <dd>${report.totals.cost.toFixed(4)}</dd>
        </div>
      </dl>
      {report.groups.length === 0 ? (
        <p class="empty">Nothing counted from {report.from} to {report.to}.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>
              {label} by {by.toLowerCase()}
            </caption>
            <thead>
              <FigureHeads first={by} />
            </thead>
            <tbody>
              {report.groups.map((group) => (
                <tr key={group.key}>
                  <th scope="row">{group.key || 'unknown'}</th>
                  <FigureCells figures={group} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.unpriced_models.length > 0 && <p class="empty">Not priced (counted at $0): {report.unpriced_models.join(', ')}</p>}
    </>
  );
}
