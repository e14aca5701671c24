import type { z } from "zod";
import type { ProblemList } from "./problems.ts";
import { PlainScalar } from "./yamlFile.ts";

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

/** Callers parse with `{ reportInput: true }`: without the input, a wrong value reads as a missing one. */
function describe(issue: z.core.$ZodIssue): string {
  const wrongType = issue.code === "invalid_type" || (issue.code === "invalid_union" && issue.errors.every((branch) => branch.every((i) => i.code === "invalid_type")));
  if (wrongType && issue.input === undefined) return "is required";
  if (issue.code === "invalid_union" && wrongType) {
    const expected = issue.errors.flat().map((i) => (i.code === "invalid_type" ? i.expected : ""));
    const what = expected.includes("string") ? "text" : expected.map(article).join(" or ");
    return `must be ${what}, not ${kindOf(issue.input)}`;
  }
  if (issue.code === "invalid_type") {
    // A schema's own wording ("must be true or false") beats the generic one.
    const wanted = issue.message.startsWith("Invalid input") ? `must be ${article(issue.expected)}` : issue.message;
    return `${wanted}, not ${kindOf(issue.input)}`;
  }
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
  if (value instanceof PlainScalar) return `${typeof value.value} ${value.text}`;
  if (typeof value === "object") return "a set of fields";
  return `${typeof value} ${JSON.stringify(value)}`;
}
