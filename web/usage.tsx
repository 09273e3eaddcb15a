import { useEffect, useState } from 'preact/hooks';
import type { components } from '../client/index.js';
import { api, errorText } from './api.js';
import { OrgReport } from './usage/org-report.js';
import { GROUP_NAMES, ReportFigures, type GroupBy, type UsageReport } from './usage/report.js';

type Me = components['schemas']['Me'];

/** A UTC day as the API writes it (YYYY-MM-DD), `daysAgo` before today. */
const utcDay = (daysAgo = 0) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/**
 * The image quota (`GET /v1/me/`) and the user's figures (`GET /v1/me/usage/`) over a range of
 * days, grouped as they choose; an organisation's admin also sees the organisation's.
 */
export function Usage() {
  const [me, setMe] = useState<Me>();
  const [usage, setUsage] = useState<UsageReport>();
  const [from, setFrom] = useState(utcDay(29));
  const [to, setTo] = useState(utcDay());
  const [groupBy, setGroupBy] = useState<GroupBy>('day');
  const [problem, setProblem] = useState('');
  useEffect(() => {
    void api.GET('/v1/me/').then(({ data, error }) => (data ? setMe(data) : setProblem(errorText(error))));
  }, []);
  useEffect(() => {
    let current = true;
    void api.GET('/v1/me/usage/', { params: { query: { from, to, group_by: groupBy } } }).then(({ data, error }) => {
      // An answer to a range or grouping the user has since changed is dropped.
      if (!current) return;
      setProblem(data ? '' : errorText(error));
      setUsage(data);
    });
    return () => {
      current = false;
    };
  }, [from, to, groupBy]);

  return (
    <section aria-labelledby="usage-title">
      <h2 id="usage-title">Usage</h2>
      {me && (
        <p>
          Signed in as <strong>{me.user.display_name ?? me.user.email}</strong> ({me.organisation.name})
        </p>
      )}
      {me?.quota && (
        <dl class="figures" aria-label="Image quota">
          <div>
            <dt>Today</dt>
            <dd>
              {me.quota.daily.used} of {me.quota.daily.limit} images ({me.quota.daily.remaining} left)
            </dd>
          </div>
          <div>
            <dt>This month</dt>
            <dd>
              {me.quota.monthly.used} of {me.quota.monthly.limit} images ({me.quota.monthly.remaining} left)
            </dd>
          </div>
        </dl>
      )}
      <form class="usage-range" onSubmit={(event) => event.preventDefault()}>
        <span class="field">
          <label for="usage-from">From (UTC day)</label>
          <input id="usage-from" type="date" required value={from} max={to} onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} />
        </span>
        <span class="field">
          <label for="usage-to">To (UTC day)</label>
          <input id="usage-to" type="date" required value={to} min={from} onChange={(e) => e.currentTarget.value && setTo(e.currentTarget.value)} />
        </span>
        <span class="field">
          <label for="usage-group-by">Group by</label>
          <select id="usage-group-by" value={groupBy} onChange={(e) => setGroupBy(e.currentTarget.value as GroupBy)}>
            {Object.entries(GROUP_NAMES).map(([value, name]) => (
              <option value={value}>{name}</option>
            ))}
          </select>
        </span>
      </form>
      {problem && <p role="alert" class="problem">{problem}</p>}
      {usage && (
        <>
          <h3>
            You, from {usage.from} to {usage.to}
          </h3>
          <ReportFigures report={usage} label="Your usage" />
        </>
      )}
      {me?.role === 'admin' && <OrgReport from={from} to={to} groupBy={groupBy} />}
    </section>
  );
}
