import { useEffect, useState } from 'preact/hooks';
import type { components } from '../../client/index.js';
import { api, errorText } from '../api.js';
import { FigureCells, FigureHeads, ReportFigures, type GroupBy } from './report.js';

type OrgUsageReport = components['schemas']['OrgUsageReport'];
type OrgMember = components['schemas']['OrgMember'];

/** For an organisation's admin: the organisation's report (`GET /v1/org/usage/report/`), and each member's totals, by name. */
export function OrgReport({ from, to, groupBy }: { from: string; to: string; groupBy: GroupBy }) {
  const [report, setReport] = useState<OrgUsageReport>();
  const [members, setMembers] = useState<Map<string, OrgMember>>(new Map());
  const [problem, setProblem] = useState('');
  useEffect(() => {
    let current = true;
    void api.GET('/v1/org/usage/report/', { params: { query: { from, to, group_by: groupBy } } }).then(({ data, error }) => {
      // An answer to a range or grouping the user has since changed is dropped.
      if (!current) return;
      setProblem(data ? '' : errorText(error));
      setReport(data);
    });
    return () => {
      current = false;
    };
  }, [from, to, groupBy]);
  // Names for the report's user ids (the first 100 members; others show their id).
  useEffect(() => {
    void api.GET('/v1/org/members/', { params: { query: { limit: 100 } } }).then(({ data }) => {
      if (data) setMembers(new Map(data.data.map((member) => [member.id, member])));
    });
  }, []);

  const nameOf = (userId: string) => {
    const member = members.get(userId);
    return member?.display_name ?? member?.email ?? userId;
  };
  return (
    <section aria-labelledby="org-usage-title">
      <h3 id="org-usage-title">Your organisation</h3>
      {problem && <p role="alert" class="problem">{problem}</p>}
      {report && (
        <>
          <ReportFigures report={report} label="The organisation" />
          <div class="table-scroll">
            <table>
              <caption>Each member, the costliest first</caption>
              <thead>
                <FigureHeads first="Member" />
              </thead>
              <tbody>
                {report.members.map((member) => (
                  <tr key={member.user_id}>
                    <th scope="row">{nameOf(member.user_id)}</th>
                    <FigureCells figures={member} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
