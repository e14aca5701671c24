import type { DateTime } from "luxon";
import type { SiteBuild } from "../build/SiteBuild.ts";
import { tagName, type Edition } from "../collections/bulletin.ts";
import type { Article, Tag } from "../model/types.ts";
import { absoluteUrl, dayUrl, monthUrl, tagIndexUrl, tagUrl, yearUrl } from "../urls.ts";
import { formatDay, formatMonth, formatYear, isoWithOffset } from "../text/dates.ts";
import { lastModified } from "./lastModified.ts";
import { LOGO } from "./siteImages.ts";
import { articleShareImage } from "./articleImage.ts";
import type { PageSubject } from "./pageSubjects.ts";

/** A schema.org node as JSON-LD; printed through `jsonForScript`, so any text is safe in it. */
export type JsonLdNode = { "@type"?: string; "@id"?: string; [key: string]: unknown };
export interface JsonLdDocument {
  "@context": "https://schema.org";
  "@graph": JsonLdNode[];
}

interface Crumb {
  name: string;
  url: string;
}

/**
 * The structured data of one page: the site and its publisher on every page, plus what the
 * page is (a NewsArticle, a person's or topic's CollectionPage, an archive…) and where it
 * sits (BreadcrumbList). `subject` is undefined for pages outside the listings (404, search).
 */
export async function structuredData(build: SiteBuild, page: { url: string; edition: Edition; title: string; description: string }, subject: PageSubject | undefined): Promise<JsonLdDocument> {
  const base = build.site.baseUrl;
  const { edition } = page;
  const abs = (url: string) => absoluteUrl(base, url);
  const home: Crumb = { name: edition.name, url: edition.homeUrl };
  const webPage = (type: string, extra: Record<string, unknown> = {}): JsonLdNode => ({
    "@type": type,
    "@id": `${abs(page.url)}#webpage`,
    url: abs(page.url),
    name: page.title,
    description: page.description,
    inLanguage: edition.lang,
    isPartOf: { "@id": websiteId(base, edition) },
    ...extra,
  });
  const graph: JsonLdNode[] = [website(base, edition), publisher(base, edition)];
  if (!subject) {
    graph.push(webPage("WebPage"));
    return { "@context": "https://schema.org", "@graph": graph };
  }
  switch (subject.kind) {
    case "home":
      graph.push(webPage("CollectionPage"));
      if (subject.page.number > 1) graph.push(breadcrumbs(base, [home, { name: page.title, url: page.url }]));
      break;
    case "article": {
      const day = subject.article.date;
      graph.push(await newsArticle(build, edition, subject.article));
      graph.push(breadcrumbs(base, [home, { name: formatDay(day, edition), url: dayUrl(edition.lang, day) }, { name: subject.article.title, url: subject.article.url }]));
      break;
    }
    case "tag": {
      const { listing } = subject;
      const tag = tagNode(base, edition, listing.tag);
      graph.push(webPage("CollectionPage", listing.tag.kind === "person" ? { mainEntity: tag, about: tag } : { about: tag }));
      graph.push(breadcrumbs(base, [
        home,
        { name: sectionName(edition, listing.tag.kind), url: tagIndexUrl(edition.lang, listing.tag.kind) },
        { name: listing.name, url: listing.url },
        ...(subject.page.number > 1 ? [{ name: page.title, url: page.url }] : []),
      ]));
      break;
    }
    case "tagIndex":
      graph.push(webPage("CollectionPage"));
      graph.push(breadcrumbs(base, [home, { name: sectionName(edition, subject.tagKind), url: page.url }]));
      break;
    case "year":
      graph.push(webPage("CollectionPage"));
      graph.push(breadcrumbs(base, dateTrail(edition, subject.year.date, "year", home)));
      break;
    case "month":
      graph.push(webPage("CollectionPage"));
      graph.push(breadcrumbs(base, dateTrail(edition, subject.month.date, "month", home)));
      break;
    case "day":
      graph.push(webPage("CollectionPage"));
      graph.push(breadcrumbs(base, dateTrail(edition, subject.day.date, "day", home)));
      break;
    case "corrections":
      graph.push(webPage("WebPage"));
      graph.push(breadcrumbs(base, [home, { name: edition.strings.correctionsTitle, url: page.url }]));
      break;
  }
  return { "@context": "https://schema.org", "@graph": graph };
}

/** NewsArticle as Google documents it, with the bulletin's dateline, people, topics and corrections. */
export async function newsArticle(build: SiteBuild, edition: Edition, article: Article): Promise<JsonLdNode> {
  const base = build.site.baseUrl;
  const url = absoluteUrl(base, article.url);
  const agency = publisher(base, edition);
  const people = article.people.map((t) => tagNode(base, edition, t));
  const topics = article.topics.map((t) => tagNode(base, edition, t));
  const image = await articleShareImage(build, article);
  return {
    "@type": "NewsArticle",
    "@id": `${url}#article`,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    description: build.summary(article),
    inLanguage: article.lang,
    datePublished: isoWithOffset(article.date),
    dateModified: isoWithOffset(lastModified(article)),
    author: article.author ? [{ "@type": "Person", name: article.author }] : [agency],
    publisher: agency,
    ...(article.dateline ? { dateline: article.dateline } : {}),
    ...(image
      ? {
          image: [{
            "@type": "ImageObject",
            url: image.url,
            width: image.width,
            height: image.height,
            ...(image.caption ? { caption: image.caption } : {}),
            ...(image.credit ? { creditText: image.credit } : {}),
          }],
        }
      : {}),
    ...(topics.length ? { about: topics } : {}),
    ...(people.length ? { mentions: people } : {}),
    ...(article.corrections.length
      ? { correction: article.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: isoWithOffset(c.date) })) }
      : {}),
    isAccessibleForFree: true,
    isPartOf: { "@id": websiteId(base, edition) },
  };
}

function websiteId(base: string, edition: Edition): string {
  return `${absoluteUrl(base, edition.homeUrl)}#website`;
}

function website(base: string, edition: Edition): JsonLdNode {
  return {
    "@type": "WebSite",
    "@id": websiteId(base, edition),
    url: absoluteUrl(base, edition.homeUrl),
    name: edition.name,
    inLanguage: edition.lang,
    publisher: { "@id": publisherId(base, edition) },
  };
}

function publisherId(base: string, edition: Edition): string {
  return `${absoluteUrl(base, edition.homeUrl)}#publisher`;
}

/** The agency: publisher of every article, and its author when no byline is given. */
function publisher(base: string, edition: Edition): JsonLdNode {
  return {
    "@type": "NewsMediaOrganization",
    "@id": publisherId(base, edition),
    name: edition.agency,
    url: absoluteUrl(base, edition.homeUrl),
    logo: { "@type": "ImageObject", url: absoluteUrl(base, LOGO.path), width: LOGO.width, height: LOGO.height },
  };
}

/** A person as a Person, a topic as a Thing; `sameAs` (Wikidata…) when the registry has it. */
function tagNode(base: string, edition: Edition, tag: Tag): JsonLdNode {
  const ar = edition.lang === "ar";
  const role = ar ? (tag.roleAr ?? tag.role) : tag.role;
  const description = ar ? (tag.descriptionAr ?? tag.description) : tag.description;
  return {
    "@type": tag.kind === "person" ? "Person" : "Thing",
    "@id": `${absoluteUrl(base, tagUrl(edition.lang, tag.kind, tag.slug))}#${tag.kind}`,
    name: tagName(tag, edition.lang),
    url: absoluteUrl(base, tagUrl(edition.lang, tag.kind, tag.slug)),
    ...(tag.kind === "person" && role ? { jobTitle: role } : {}),
    ...(description ? { description } : {}),
    ...(tag.sameAs.length ? { sameAs: tag.sameAs } : {}),
  };
}

function sectionName(edition: Edition, kind: Tag["kind"]): string {
  return kind === "person" ? edition.strings.people : edition.strings.topics;
}

function dateTrail(edition: Edition, date: DateTime, depth: "year" | "month" | "day", home: Crumb): Crumb[] {
  const trail = [home, { name: formatYear(date, edition), url: yearUrl(edition.lang, date) }];
  if (depth !== "year") trail.push({ name: formatMonth(date, edition), url: monthUrl(edition.lang, date) });
  if (depth === "day") trail.push({ name: formatDay(date, edition), url: dayUrl(edition.lang, date) });
  return trail;
}

function breadcrumbs(base: string, crumbs: Crumb[]): JsonLdNode {
  return {
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.name, item: absoluteUrl(base, c.url) })),
  };
}
