export interface FormIssue {
  path: string;
  message: string;
}

/** Issues as `{ "name": "…", "variants.0.content.sv.title": "…" }`, first message per path. */
export function issuesByPath(issues: FormIssue[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const issue of issues) byPath[issue.path] ??= issue.message;
  return byPath;
}

/** The issues under one prefix, with the prefix taken off ("variants." → "0.content.sv.title"). */
export function issuesUnder(
  byPath: Record<string, string>,
  prefix: string,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(byPath)) {
    if (path === prefix) result[""] = message;
    else if (path.startsWith(`${prefix}.`)) result[path.slice(prefix.length + 1)] = message;
  }
  return result;
}

/** A list of what is wrong, each with the field it concerns; announced when it appears. */
export function FormIssues({ title, issues }: { title: string; issues: FormIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div
      role="alert"
      className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900"
      data-testid="form-issues"
    >
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            {issue.path ? <code>{issue.path}</code> : null}
            {issue.path ? ": " : null}
            {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
