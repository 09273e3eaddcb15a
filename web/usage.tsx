import { useEffect, useState } from 'preact/hooks';
import type { components } from '../client/index.js';
import { api, errorText } from './api.js';

type Me = components['schemas']['Me'];
type UsageReport = components['schemas']['UsageReport'];

/** The image quota (`GET /v1/me/`) and the last 30 days' figures (`GET /v1/me/usage/`). */
export function Usage() {
  const [me, setMe] = useState<Me>();
  const [usage, setUsage] = useState<UsageReport>();
  const [problem, setProblem] = useState('');
  useEffect(() => {
    void (async () => {
      const [who, report] = await Promise.all([api.GET('/v1/me/'), api.GET('/v1/me/usage/', { params: { query: { group_by: 'intent' } } })]);
      if (who.data) setMe(who.data);
      else setProblem(errorText(who.error));
      if (report.data) setUsage(report.data);
      else setProblem(errorText(report.error));
    })();
  }, []);

  return (
    <section aria-labelledby="usage-title">
      <h2 id="usage-title">Usage</h2>
      {problem && <p role="alert" class="problem">{problem}</p>}
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
      {usage && (
        <>
          <h3>
            From {usage.from} to {usage.to}
          </h3>
          <dl class="figures" aria-label="Usage figures">
            <div>
              <dt>Made</dt>
              <dd>{usage.totals.made}</dd>
            </div>
            <div>
              <dt>Failed</dt>
              <dd>{usage.totals.failed}</dd>
            </div>
            <div>
              <dt>Cancelled</dt>
              <dd>{usage.totals.cancelled}</dd>
            </div>
            <div>
              <dt>Tokens in / out</dt>
              <dd>
                {usage.totals.input_tokens} / {usage.totals.output_tokens}
              </dd>
            </div>
            <div>
              <dt>Estimated cost</dt>
              <dd>${usage.totals.cost.toFixed(4)}</dd>
            </div>
          </dl>
          {usage.groups.length > 0 && (
            <table>
              <caption>By intent</caption>
              <thead>
                <tr>
                  <th scope="col">Intent</th>
                  <th scope="col">Made</th>
                  <th scope="col">Failed</th>
                </tr>
              </thead>
              <tbody>
                {usage.groups.map((group) => (
                  <tr key={group.key}>
                    <th scope="row">{group.key || 'unknown'}</th>
                    <td>{group.made}</td>
                    <td>{group.failed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
