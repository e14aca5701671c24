/**
 * Problems found in content. Every check in the build reports through here so that a
 * writer always sees `path/to/file.md:LINE: message`, all problems of a run together.
 */
export type Severity = "error" | "warning";

export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  message: string;
  severity: Severity;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const tag = p.severity === "warning" ? "warning: " : "";
  return `${where}: ${tag}${p.message}`;
}

/** Orders problems by file, then line, so a run's report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message),
  );
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Thrown when content cannot be built; carries every problem, never a stack trace for writers. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    super(sorted.map(formatProblem).join("\n"));
    this.name = "ContentError";
    this.problems = sorted;
  }
}

/** Collects problems while content is read; `error`/`warn` keep call sites short. */
export class ProblemList {
  readonly items: Problem[] = [];
  error(file: string, line: number | undefined, message: string): void {
    this.items.push({ file, line, message, severity: "error" });
  }
  warn(file: string, line: number | undefined, message: string): void {
    this.items.push({ file, line, message, severity: "warning" });
  }
  get hasErrors(): boolean {
    return hasErrors(this.items);
  }
}
