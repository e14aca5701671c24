/**
 * `npm run check`: validates every article, person and topic without building, prints each
 * problem as `file:LINE: message` (warnings too) and a summary, and exits 1 on any error.
 */
import { checkContent } from "../src/model/checkContent.ts";
import { formatProblem } from "../src/model/problems.ts";

const started = performance.now();
try {
  const { content, problems } = await checkContent({ root: process.cwd() });
  for (const p of problems) console.log(formatProblem(p));
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const unpublished = content
    ? [count(content.all.filter((a) => a.draft).length, "draft"), count(content.all.filter((a) => a.scheduled && !a.draft).length, "scheduled", "scheduled")]
        .filter((s) => !s.startsWith("no "))
    : [];
  const what = content
    ? `${count(content.articleFiles, "article")}${unpublished.length ? ` (${unpublished.join(", ")})` : ""}, ${count(content.people.registered.length, "person", "people")} and ${count(content.topics.registered.length, "topic")}`
    : "content/site.yaml";
  console.log(`${problems.length ? "\n" : ""}Checked ${what} in ${seconds} s: ${count(errors, "error")}, ${count(warnings, "warning")}.`);
  if (errors > 0) process.exitCode = 1;
} catch (error) {
  // A bug, not bad content: one line for the writer, the stack trace only for developers.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Check failed: ${message}${process.env.DEBUG ? "" : " (Set DEBUG=1 for details.)"}`);
  if (process.env.DEBUG) console.error(error);
  process.exitCode = 1;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n === 0 ? "no" : n} ${n === 1 ? one : many}`;
}
