import { SiteBuild } from "../build/SiteBuild.ts";
import type { Article } from "../model/types.ts";

// Kept for the life of the preview process, across builds: an article not edited is the
// same object in every build, and its body renders the same (the Markdown settings and the
// dateline's wording come from site.yaml, whose change starts a new process).
const bodies = new WeakMap<Article, string>();
const summaries = new WeakMap<Article, string>();

/**
 * The preview's SiteBuild: a new one is made after every saved article, and without these
 * caches each would render every body's Markdown again (a third of the time of a pass over
 * the whole site at 10,000 articles).
 */
export class PreviewBuild extends SiteBuild {
  override bodyHtml(article: Article): string {
    let html = bodies.get(article);
    if (html === undefined) bodies.set(article, (html = super.bodyHtml(article)));
    return html;
  }

  override summary(article: Article): string {
    let text = summaries.get(article);
    if (text === undefined) summaries.set(article, (text = super.summary(article)));
    return text;
  }
}
