import { test } from "node:test";
import assert from "node:assert/strict";
import { articleRead, readsAs } from "../../src/site/reads.ts";
import type { Article } from "../../src/model/types.ts";

test("an article reads as its record says exactly when the record's read is the one it makes", () => {
  const make = (fields: Partial<Article>) => ({ url: "/2016/07/15/a/", digest: "d1", scheduled: false, draft: false, ...fields }) as Article;
  const articles = [
    make({}),
    make({ scheduled: true }),
    make({ draft: true, scheduled: true }),
    make({ live: { open: true } } as Partial<Article>),
    make({ url: "/ar/2016/07/15/%D8%B3/" }),
    make({ url: "/2016/07/15/a", digest: "/d1" }),
  ];
  for (const article of articles) {
    assert.equal(readsAs(article, articleRead(article)), true, articleRead(article));
    for (const other of articles) if (other !== article) assert.equal(readsAs(article, articleRead(other)), false, `${articleRead(article)} against ${articleRead(other)}`);
    assert.equal(readsAs(article, undefined), false);
    assert.equal(readsAs(article, `${articleRead(article)} `), false);
    assert.equal(readsAs(article, `b${articleRead(article).slice(1)}`), false);
  }
});
