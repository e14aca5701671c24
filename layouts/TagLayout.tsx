import type { Article } from "../src/model/types.ts";
import type { Page } from "../src/collections/paginate.ts";
import type { TagListing } from "../src/collections/bulletin.ts";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";
import { ArticleList } from "./components/ArticleList.tsx";
import { Pagination } from "./components/Pagination.tsx";
import { AppearsWith } from "./components/AppearsWith.tsx";
import { TopicTimeline } from "./components/TopicTimeline.tsx";

/**
 * A person's or a topic's page: who or what, then their articles, newest first. A person's
 * first page also lists who appears with them; a topic's articles run as a timeline by month.
 */
export function TagLayout({ ctx, listing, page }: { ctx: PageContext; listing: TagListing; page: Page<Article> }) {
  const { edition, build } = ctx;
  const s = edition.strings;
  const { tag } = listing;
  const ar = edition.lang === "ar";
  const role = ar ? (tag.roleAr ?? tag.role) : tag.role;
  const description = ar ? (tag.descriptionAr ?? tag.description) : tag.description;
  const title = page.number === 1 ? listing.name : `${listing.name} · ${s.pageOf(page.number, page.total)}`;
  return (
    <BasePage
      ctx={ctx}
      title={title}
      description={[role, description].filter(Boolean).join(". ") || s.articlesAbout(listing.name)}
    >
      <div class="tag-page">
        <header class="tag-header">
          <p class="tag-kind">{tag.kind === "person" ? s.people : s.topics}</p>
          <h1 class="page-title">{listing.name}</h1>
          {role ? <p class="tag-role">{role}</p> : ""}
          {description ? <p class="tag-description">{description}</p> : ""}
          {page.number === 1 && tag.bio && !ar ? <div class="tag-bio">{{ html: build.markdown(tag.bio) }}</div> : ""}
          <p class="tag-count">{s.articleCount(listing.articles.length)}</p>
        </header>
        {tag.kind === "person" && page.number === 1 ? <AppearsWith ctx={ctx} listing={listing} /> : ""}
        <section class="tag-articles" aria-labelledby="tag-articles-title">
          <h2 class="section-title" id="tag-articles-title">{tag.kind === "topic" ? s.timeline : s.articlesAbout(listing.name)}</h2>
          {tag.kind === "topic" ? <TopicTimeline ctx={ctx} articles={page.items} /> : <ArticleList ctx={ctx} articles={page.items} headingLevel={3} />}
          <Pagination ctx={ctx} page={page} />
        </section>
      </div>
    </BasePage>
  );
}
