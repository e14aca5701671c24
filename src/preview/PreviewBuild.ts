import { SiteBuild } from "../build/SiteBuild.ts";
import type { Article } from "../model/types.ts";

// Kept for the life of the preview's build process, across builds: an article not edited is
// the same object in every build, and its first paragraph reads the same (the Markdown
// settings come from site.yaml, whose change starts a new process). Short texts only: whole
// bodies, kept for every article, would cost 8 KB an article (see SiteBuild's bodies).
const firstParagraphs = new WeakMap<Article, string>();

/**
 * The preview's SiteBuild. A new one is made after every save; without this each would
 * render the Markdown of every article again for the teasers of listings.
 */
export class PreviewBuild extends SiteBuild {
  override summary(article: Article): string {
    let text = firstParagraphs.get(article);
    if (text === undefined) firstParagraphs.set(article, (text = super.summary(article)));
    return text;
  }
}
