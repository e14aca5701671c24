import type { z } from "zod";
import type { ProblemList } from "./problems.ts";

/** Turns a schema failure into writer-facing problems: `title: is required` on the right line. */
export function zodProblems(
  error: z.ZodError,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number,
  problems: ProblemList,
): void {
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".");
    problems.error(file, lineOf(issue.path), field ? `${field}: ${describe(issue)}` : describe(issue));
  }
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && (issue.input === undefined)) return "is required";
  if (issue.code === "invalid_type") return `must be ${article(issue.expected)}, not ${kindOf(issue.input)}`;
  if (issue.code === "too_small" && issue.origin === "string") return "must not be empty";
  return issue.message;
}

function article(type: string): string {
  if (type === "array") return "a list";
  if (type === "object") return "a set of fields";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function kindOf(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a set of fields";
  return `${typeof value} ${JSON.stringify(value)}`;
}
