import { test } from "node:test";
import assert from "node:assert/strict";
import { article, loadFixture } from "../support/fixtureSite.ts";
import { Site } from "../../src/site/Site.ts";
import { renderPage } from "../../src/site/render.ts";
import { typeOf, type HtmlPage, type Page } from "../../src/pages/pageTypes.ts";
import { ar, en } from "../../src/i18n/strings.ts";

// The basic fixture (three published stories, Putin, Syria; two stories a page) with what a
// preview adds: a draft naming a person nobody else does, a scheduled story on a topic of its
// own, two drafts on another, and an Arabic draft, the only story of the Arabic edition.
const UNPUBLISHED = {
  "content/articles/2016/07/2016-07-16-draft-story.md": article("title: A draft nobody has seen\ndate: 2016-07-16T10:00:00+03:00\npeople: [Zqx Draftperson]\ntopics: [Syria]\ndraft: true"),
  "content/articles/2030/01/2030-01-01-scheduled.md": article("title: A story for later\ndate: 2030-01-01T10:00:00+03:00\ntopics: [Economy]"),
  "content/articles/2016/08/2016-08-01-secret-a.md": article("title: Secret talks, first draft\ndate: 2016-08-01T10:00:00+03:00\ntopics: [Zqx Secret Talks]\ndraft: true"),
  "content/articles/2016/08/2016-08-02-secret-b.md": article("title: Secret talks, second draft\ndate: 2016-08-02T10:00:00+03:00\ntopics: [Zqx Secret Talks]\ndraft: true"),
  "content/articles/2016/07/2016-07-17-arabic-draft.md": article("title: مسودة عربية\ndate: 2016-07-17T10:00:00+03:00\nlang: ar\ndraft: true"),
};

const previewSite = new Site(loadFixture(UNPUBLISHED, { preview: true }));
const pages = new Map<string, Page>([...previewSite.pages()].map((p) => [p.url, p]));
const html = (url: string): HtmlPage => {
  const page = pages.get(url);
  assert.ok(page && "notice" in page, `${url} is an HTML page of the preview`);
  return page;
};
const notice = (url: string) => html(url).notice;

test("a draft and a scheduled article are dated as what they are, a published one as published", () => {
  const label = (url: string) => {
    const page = pages.get(url);
    assert.equal(page?.kind, "article");
    return page.kind === "article" ? page.dateLabel : undefined;
  };
  assert.equal(label("/2016/07/16/draft-story/"), "Draft, dated");
  assert.equal(label("/2030/01/01/scheduled/"), "Scheduled for");
  assert.equal(label("/2016/07/15/talks-after-midnight/"), "Published");
  assert.equal(label("/ar/2016/07/17/arabic-draft/"), ar.draftDated);
});

test("each article says whether it is a draft, scheduled, or published beside unpublished stories", () => {
  assert.equal(notice("/2016/07/16/draft-story/"), "Preview: this article is a draft; it is not published.");
  assert.equal(notice("/2030/01/01/scheduled/"), "Preview: this article is scheduled; it is not published yet.");
  assert.equal(notice("/ar/2016/07/17/arabic-draft/"), ar.previewDraftArticle, "in the edition's language");
  // Published, but its related stories include the Syria draft (and the draft is its newer neighbour).
  assert.equal(notice("/2016/07/15/talks-after-midnight/"), en.previewShowsUnpublished);
  // Published, and nothing it links to is a draft or scheduled.
  assert.equal(notice("/2016/06/30/earlier-story/"), en.previewNotice);
});

test("a page that exists only because of one unpublished story names it; of several, says so", () => {
  const awaits = (title: string) => `Preview: this page will not exist until “${title}” is published.`;
  assert.equal(notice("/people/zqx-draftperson/"), awaits("A draft nobody has seen"), "a person named only in a draft");
  assert.equal(notice("/2016/07/16/"), awaits("A draft nobody has seen"), "a day of drafts");
  for (const url of ["/topics/economy/", "/2030/", "/2030/01/", "/2030/01/01/"]) assert.equal(notice(url), awaits("A story for later"), url);
  const unpublished = "Preview: this page is here only because of stories that are not published yet; the published site does not have it.";
  assert.equal(notice("/topics/zqx-secret-talks/"), unpublished, "a topic of two drafts");
  assert.equal(notice("/2016/08/"), unpublished, "a month of two drafts");
  // Three stories are published, two a page: the home page has no archive pages yet; drafts make two.
  assert.equal(notice("/page/1/"), unpublished);
  assert.equal(notice("/page/2/"), unpublished);
});

test("an edition whose every story is unpublished: each of its pages waits for that story, in its own language", () => {
  for (const url of ["/ar/", "/ar/search/", "/ar/people/", "/ar/404.html", "/ar/2016/07/17/"]) assert.equal(notice(url), ar.previewPageAwaits("مسودة عربية"), url);
});

test("listings that show unpublished stories say so; those that show none say what the preview is", () => {
  for (const url of ["/", "/topics/syria/", "/2016/07/", "/2016/", "/people/", "/topics/"]) assert.equal(notice(url), en.previewShowsUnpublished, url);
  for (const url of ["/people/vladimir-putin/", "/2016/07/15/", "/corrections/", "/search/", "/404.html"]) assert.equal(notice(url), en.previewNotice, url);
});

test("the notice is among what a page reads, so the preview renders the page again when it changes", () => {
  let noticed = 0;
  for (const page of pages.values()) {
    if (!("notice" in page) || page.notice === undefined) continue;
    noticed++;
    assert.ok(typeOf(page).reads(page, previewSite).includes(`notice ${page.notice}`), page.url);
  }
  assert.ok(noticed > 30, `every HTML page of the preview has a notice (${noticed})`);
});

test("the page prints its notice and the article its date label; a published build prints neither", async () => {
  const draft = await renderPage(pages.get("/2016/07/16/draft-story/")!, previewSite);
  assert.match(draft, /<p class="preview-banner" role="note">Preview: this article is a draft; it is not published\.<\/p>/);
  assert.match(draft, /<p class="published">Draft, dated <time datetime="2016-07-16T10:00:00\+03:00"/);
  const person = await renderPage(pages.get("/people/zqx-draftperson/")!, previewSite);
  assert.match(person, /<p class="preview-banner" role="note">Preview: this page will not exist until “A draft nobody has seen” is published\.<\/p>/);

  const published = new Site(loadFixture(UNPUBLISHED));
  for (const page of published.pages()) if ("notice" in page) assert.equal(page.notice, undefined, page.url);
  const talks = [...published.pages()].find((p) => p.url === "/2016/07/15/talks-after-midnight/")!;
  const text = await renderPage(talks, published);
  assert.doesNotMatch(text, /preview-banner/);
  assert.match(text, /<p class="published">Published <time/);
});
