import { test, expect, open, articleLinksInMain, countIn } from "../support/e2e.ts";

/**
 * /people/ and /topics/: every entry alphabetical, with a count that matches the number
 * of articles its own page lists.
 */
for (const { url, title, entries } of [
  { url: "/people/", title: "People", entries: ["Barack Obama", "Dmitry Peskov", "John Kerry", "Sergey Lavrov", "Vladimir Putin"] },
  { url: "/topics/", title: "Topics", entries: ["Counterterrorism", "Geneva talks", "Nice attack", "Russia–US relations", "Syria"] },
]) {
  test(`${url} lists every ${title.toLowerCase() === "people" ? "person" : "topic"} alphabetically`, async ({ page }) => {
    await open(page, url);
    await expect(page.locator("h1")).toHaveText(title);
    const names = await page.locator(`main a[href^="${url}"]`).allInnerTexts();
    expect(names.map((n) => n.trim())).toEqual(entries);
    const collator = new Intl.Collator("en-GB");
    expect(names).toEqual([...names].sort(collator.compare));
  });

  test(`each count on ${url} matches the articles on that entry's page`, async ({ page }) => {
    await open(page, url);
    const rows = await page.locator(`main li:has(a[href^="${url}"])`).evaluateAll((lis) =>
      lis.map((li) => ({ href: li.querySelector("a")?.getAttribute("href") ?? "", text: (li as HTMLElement).innerText })));
    expect(rows.length).toBe(entries.length);
    for (const row of rows) {
      const count = countIn(row.text);
      await open(page, row.href);
      expect(await articleLinksInMain(page), `${row.href} lists ${count} article(s)`).toHaveLength(count);
    }
  });
}

test("counts on the people index are what the sample says: Putin, Kerry and Lavrov in all three stories", async ({ page }) => {
  await open(page, "/people/");
  const text = (name: string) => page.locator("main li", { hasText: name });
  await expect(text("Vladimir Putin")).toContainText("3 articles");
  // Each in one of the two stories, and in the live story that retells both.
  await expect(text("Dmitry Peskov")).toContainText("2 articles");
  await expect(text("Barack Obama")).toContainText("2 articles");
});
