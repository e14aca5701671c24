import { test } from "node:test";
import assert from "node:assert/strict";
import { jsxToString } from "jsx-async-runtime";
import { jsxToHtml } from "../../src/site/jsxToHtml.ts";

function Teaser({ title, url }: { title: string; url: string }) {
  return (
    <li class="teaser">
      <a href={url}>{title}</a>
    </li>
  );
}

async function Figure({ alt }: { alt: string }) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return <img src="/a.jpg" alt={alt} />;
}

const trees: [string, () => JSX.Element][] = [
  ["hostile text and attributes", () => <p title={`"quoted" & <b>`} data-x="it's">{"<script>alert(1)</script> & ‘more’"}</p>],
  ["void elements, boolean and missing attributes", () => <><meta charset="utf-8" /><input disabled={true} hidden={false} value={undefined} /><br /></>],
  ["class lists, style objects and numbers", () => <div class={["a", "", "b"]} style={{ color: "red", "font-weight": 700 }} tabindex={-1}>{3}{" items"}</div>],
  ["trusted HTML inside escaped text", () => <div class="body">{{ html: "<p>one <em>two</em></p>" }}{"<not html>"}</div>],
  ["nested components and lists", () => <ol reversed={false}>{[1, 2].map((n) => <Teaser title={`Story ${n} <${n}>`} url={`/s/${n}/`} />)}</ol>],
  ["Arabic and empty children", () => <p lang="ar" dir="rtl">{"سوريا"}{""}{null}{undefined}{false}</p>],
];

for (const [what, make] of trees) {
  test(`the fast renderer writes the same HTML as jsx-async-runtime: ${what}`, async () => {
    const fast = jsxToHtml(make());
    assert.equal(typeof fast, "string", "no async component, so no Promise");
    assert.equal(fast, await jsxToString.call({}, make()));
  });
}

test("an async component still renders, in place, with the same HTML as jsx-async-runtime", async () => {
  const tree = () => <figure><Figure alt={`"a" <b>`} /><figcaption>{"cap & tion"}</figcaption></figure>;
  const fast = jsxToHtml(tree());
  assert.ok(fast instanceof Promise);
  assert.equal(await fast, await jsxToString.call({}, tree()));
});
