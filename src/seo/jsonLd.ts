import type { DateTime } from "luxon";
import type { Site } from "../site/Site.ts";
import type { Edition } from "../collections/editions.ts";
import type { Article, Tag } from "../model/types.ts";
import { dayUrl, homeUrl, monthUrl, tagUrl, yearUrl } from "../urls.ts";
import { formatDay, formatMonth, formatYear, isoWithOffset } from "../text/dates.ts";
import { lastModified } from "./lastModified.ts";
import { LOGO } from "./siteImages.ts";

/** A schema.org node as JSON-LD; printed through `jsonForScript`, so any text is safe in it. */
export type JsonLdNode = { "@type"?: string; "@id"?: string; [key: string]: unknown };
export interface JsonLdDocument {
  "@context": "https://schema.org";
  "@graph": JsonLdNode[];
}

export interface Crumb {
  name: string;
  url: string;
}

/** What every page's structured data starts from: the page's own name, description and URL. */
export interface PageFacts {
  url: string;
  edition: Edition;
  title: string;
  description: string;
}

/**
 * The structured data of one page: the site and its publisher on every page, then what the
 * page is (`nodes`, from its page type in src/pages: a NewsArticle, a person's or topic's
 * CollectionPage, an archive… with their BreadcrumbList); a plain WebPage when it says nothing.
 */
export function structuredData(site: Site, page: PageFacts, nodes: JsonLdNode[] | undefined): JsonLdDocument {
  const graph: JsonLdNode[] = [website(site, page.edition), publisher(site, page.edition), ...(nodes ?? [webPage(site, page, "WebPage")])];
  return { "@context": "https://schema.org", "@graph": graph };
}

/** The page itself, as schema.org `type` (WebPage, CollectionPage…). */
export function webPage(site: Site, page: PageFacts, type: string, extra: Record<string, unknown> = {}): JsonLdNode {
  const url = site.absolute(page.url);
  return {
    "@type": type,
    "@id": `${url}#webpage`,
    url,
    name: page.title,
    description: page.description,
    inLanguage: page.edition.lang,
    isPartOf: { "@id": websiteId(site, page.edition) },
    ...extra,
  };
}

/** Where a page sits: its edition's home, then `crumbs`. */
export function breadcrumbs(site: Site, edition: Edition, crumbs: Crumb[]): JsonLdNode {
  const trail = [{ name: edition.name, url: edition.homeUrl }, ...crumbs];
  return {
    "@type": "BreadcrumbList",
    itemListElement: trail.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.name, item: site.absolute(c.url) })),
  };
}

/** Year, month and day of an archive or article, as breadcrumbs. */
export function dateTrail(edition: Edition, date: DateTime, depth: "year" | "month" | "day"): Crumb[] {
  const trail: Crumb[] = [{ name: formatYear(date, edition), url: yearUrl(edition, date) }];
  if (depth !== "year") trail.push({ name: formatMonth(date, edition), url: monthUrl(edition, date) });
  if (depth === "day") trail.push({ name: formatDay(date, edition), url: dayUrl(edition, date) });
  return trail;
}

/**
 * NewsArticle as Google documents it, with the bulletin's dateline, people, topics and
 * corrections; a live story is a LiveBlogPosting instead (see `liveBlog`).
 */
export function newsArticle(site: Site, edition: Edition, article: Article): JsonLdNode {
  const url = site.absolute(article.url);
  const agency = publisher(site, edition);
  const people = article.people.map((t) => tagNode(site, edition, t));
  const topics = article.topics.map((t) => tagNode(site, edition, t));
  const photo = site.sharedImage(article);
  // Google's 16:9, 4:3 and 1:1 crops, of the photo or of the share image; the photo as it
  // is where no crops were made.
  const crops = site.crops(article).map((c) => ({ url: site.absolute(c.url), width: c.width, height: c.height }));
  const images = crops.length > 0 ? crops : photo ? [photo] : [];
  return {
    "@type": article.live ? "LiveBlogPosting" : "NewsArticle",
    "@id": `${url}#article`,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    description: site.summary(article),
    inLanguage: article.lang,
    datePublished: isoWithOffset(article.date),
    dateModified: isoWithOffset(lastModified(article)),
    author: article.author ? [{ "@type": "Person", name: article.author }] : [agency],
    publisher: agency,
    ...(article.dateline ? { dateline: article.dateline } : {}),
    ...(images.length > 0
      ? {
          image: images.map((image) => ({
            "@type": "ImageObject",
            url: image.url,
            width: image.width,
            height: image.height,
            ...(photo?.caption ? { caption: photo.caption } : {}),
            ...(photo?.credit ? { creditText: photo.credit } : {}),
          })),
        }
      : {}),
    ...(topics.length ? { about: topics } : {}),
    ...(people.length ? { mentions: people } : {}),
    ...(article.corrections.length
      ? { correction: article.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: isoWithOffset(c.date) })) }
      : {}),
    ...(article.live ? liveBlog(site, article, url) : {}),
    isAccessibleForFree: true,
    isPartOf: { "@id": websiteId(site, edition) },
  };
}

/**
 * What a live story adds, as Google's live-blog guidelines ask: when coverage started and
 * ended (the end once known: an end time, or the last update of a closed story), and each
 * update, newest first, as a BlogPosting with its own headline, text, time and anchor.
 */
function liveBlog(site: Site, article: Article, url: string): Record<string, unknown> {
  const live = article.live!;
  return {
    coverageStartTime: isoWithOffset(article.date),
    ...(live.end ? { coverageEndTime: isoWithOffset(live.end) } : {}),
    liveBlogUpdate: [...live.updates].reverse().map((u) => {
      const paragraphs = site.updateText(u);
      return {
        "@type": "BlogPosting",
        headline: u.title ?? headlineOf(paragraphs[0] ?? "", article.title),
        articleBody: paragraphs.join(" "),
        datePublished: isoWithOffset(u.date),
        url: `${url}#${u.id}`,
      };
    }),
  };
}

/** An update without words after its time is headed by its first paragraph, cut at Google's limit of 110 characters. */
function headlineOf(text: string, fallback: string): string {
  if (!text) return fallback;
  return text.length <= 110 ? text : `${text.slice(0, 109).replace(/\s+\S*$/, "")}…`;
}

function websiteId(site: Site, edition: Edition): string {
  return `${site.absolute(homeUrl(edition))}#website`;
}

function website(site: Site, edition: Edition): JsonLdNode {
  return {
    "@type": "WebSite",
    "@id": websiteId(site, edition),
    url: site.absolute(homeUrl(edition)),
    name: edition.name,
    inLanguage: edition.lang,
    publisher: { "@id": publisherId(site, edition) },
  };
}

function publisherId(site: Site, edition: Edition): string {
  return `${site.absolute(homeUrl(edition))}#publisher`;
}

/** The agency: publisher of every article, and its author when no byline is given. */
function publisher(site: Site, edition: Edition): JsonLdNode {
  return {
    "@type": "NewsMediaOrganization",
    "@id": publisherId(site, edition),
    name: edition.agency,
    url: site.absolute(homeUrl(edition)),
    logo: { "@type": "ImageObject", url: site.absolute(LOGO.path), width: LOGO.width, height: LOGO.height },
  };
}

/** A person as a Person, a topic as a Thing, in the edition's words; `sameAs` (Wikidata…) when the registry has it. */
export function tagNode(site: Site, edition: Edition, tag: Tag): JsonLdNode {
  const text = edition.tagText(tag);
  const url = site.absolute(tagUrl(edition, tag.kind, tag.slug));
  return {
    "@type": tag.kind === "person" ? "Person" : "Thing",
    "@id": `${url}#${tag.kind}`,
    name: text.name,
    url,
    ...(tag.kind === "person" && text.role ? { jobTitle: text.role } : {}),
    ...(text.description ? { description: text.description } : {}),
    ...(tag.sameAs.length ? { sameAs: tag.sameAs } : {}),
  };
}
