import { test, expect, type Page } from "@playwright/test";
import { ARTICLE, ARABIC_ARTICLE, PAGE_TYPES } from "./pageTypes.ts";

type Node = { "@type"?: string; [key: string]: unknown };

/** The page's JSON-LD, parsed as a crawler parses it. */
async function graph(page: Page): Promise<Node[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  return texts.flatMap((t) => (JSON.parse(t) as { "@graph": Node[] })["@graph"]);
}
const find = (nodes: Node[], type: string) => nodes.find((n) => n["@type"] === type);

test("an article's NewsArticle data says what the reader sees: headline, published time, dateline, people and topics", async ({ page }) => {
  await page.goto(ARTICLE);
  const article = find(await graph(page), "NewsArticle")!;
  expect(article.headline).toBe((await page.locator("h1").innerText()).trim());
  expect(article.datePublished).toBe(await page.locator(".published time").getAttribute("datetime"));
  expect(String(article.dateModified)).toMatch(/\+03:00$/);
  expect(await page.locator(".article-body .dateline").innerText()).toContain(String(article.dateline));
  const names = [...(article.mentions as Node[]), ...(article.about as Node[])].map((n) => n.name);
  const shown = (await page.locator('.article-footer a[rel="tag"]').allInnerTexts()).map((t) => t.trim());
  expect(names.sort()).toEqual(shown.sort());
  const publisher = article.publisher as Node & { logo: { url: string } };
  expect(publisher.name).toBe("SANA");
  expect((await page.request.get(new URL(publisher.logo.url).pathname)).status()).toBe(200);
});

test("the Arabic article's structured data is in Arabic", async ({ page }) => {
  await page.goto(ARABIC_ARTICLE);
  const article = find(await graph(page), "NewsArticle")!;
  expect(article.inLanguage).toBe("ar");
  expect(article.headline).toBe((await page.locator("h1").innerText()).trim());
});

test("a person's page describes the Person, with the authority links the registry gives", async ({ page }) => {
  await page.goto("/people/vladimir-putin/");
  const collection = find(await graph(page), "CollectionPage")!;
  const person = collection.mainEntity as Node;
  expect(person["@type"]).toBe("Person");
  expect(person.name).toBe((await page.locator("h1").innerText()).trim());
  expect(person.sameAs).toContain("https://www.wikidata.org/wiki/Q7747");
});

test("every page type's JSON-LD parses, and its breadcrumbs lead to pages that exist", async ({ page }) => {
  for (const { name, url } of PAGE_TYPES) {
    await page.goto(url);
    const nodes = await graph(page);
    expect(find(nodes, "WebSite"), name).toBeTruthy();
    expect(nodes.some((n) => ["NewsArticle", "CollectionPage", "WebPage"].includes(String(n["@type"]))), name).toBe(true);
    const trail = find(nodes, "BreadcrumbList");
    for (const crumb of (trail?.itemListElement as { item: string }[] | undefined) ?? []) {
      const status = (await page.request.get(new URL(crumb.item).pathname)).status();
      expect(status, `${name}: ${crumb.item}`).toBe(200);
    }
  }
});
