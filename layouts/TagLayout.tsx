import type { TagPage } from "../src/pages/tag.tsx";
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
export function TagLayout({ ctx }: { ctx: PageContext<TagPage> }) {
  const { edition, site, page } = ctx;
  const { listing, listPage, text } = page;
  const s = edition.strings;
  const { tag } = listing;
  const title = listPage.front ? listing.name : `${listing.name} · ${s.pageNumber(listPage.number)}`;
  return (
    <BasePage
      ctx={ctx}
      title={title}
      // The registry's line about them says more than the role it usually restates
      // ("President of Russia" / "President of the Russian Federation."): one, not both.
      description={text.description || text.role || s.articlesAbout(listing.name)}
    >
      <div class="tag-page">
        <header class="tag-header">
          <p class="tag-kind">{tag.kind === "person" ? s.people : s.topics}</p>
          <h1 class="page-title">{listing.name}</h1>
          {text.role ? <p class="tag-role">{text.role}</p> : ""}
          {text.description ? <p class="tag-description">{text.description}</p> : ""}
          {listPage.front && text.bio ? <div class="tag-bio">{{ html: site.markdown(text.bio) }}</div> : ""}
          {/* On the front only: an archive page printing the count would change with every story filed (docs/architecture.md). */}
          {listPage.front ? <p class="tag-count">{s.articleCount(listing.articles.length)}</p> : ""}
        </header>
        <AppearsWith ctx={ctx} people={page.appearsWith} />
        <section class="tag-articles" aria-labelledby="tag-articles-title">
          <h2 class="section-title" id="tag-articles-title">{tag.kind === "topic" ? s.timeline : s.articlesAbout(listing.name)}</h2>
          {tag.kind === "topic" ? <TopicTimeline ctx={ctx} months={page.timeline} /> : <ArticleList ctx={ctx} articles={listPage.items} headingLevel={3} />}
          <Pagination ctx={ctx} page={listPage} />
        </section>
      </div>
    </BasePage>
  );
}
